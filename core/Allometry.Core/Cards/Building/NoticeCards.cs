namespace Allometry.Core.Cards.Building;

using Allometry.Core.Localization;

/// <summary>Short notices: a confirmation, a refusal, a warning, an unexpected error with its reference id.</summary>
public static class NoticeCards
{
    /// <summary>"Snoozed until 2026-11-24" — the action worked.</summary>
    public static NoticeCard Confirmation(Language language, LocalizedText title, LocalizedText? text = null) =>
        Make(NoticeKind.Confirmation, language, title, text);

    /// <summary>"Only finance can release retainage" — the action is not the viewer's to take.</summary>
    public static NoticeCard Refusal(Language language, LocalizedText reason) =>
        Make(NoticeKind.Warning, language, new LocalizedText("Not allowed", "Action non permise"), reason);

    /// <summary>Information ("Nothing in your queue"), or help.</summary>
    public static NoticeCard Information(Language language, LocalizedText title, LocalizedText? text = null) =>
        Make(NoticeKind.Information, language, title, text);

    /// <summary>An unexpected error: an apology and the reference id that is also in the logs.</summary>
    public static NoticeCard Error(Language language, string referenceId, LocalizedText? text = null)
    {
        var card = Make(NoticeKind.Error, language,
            new LocalizedText("Something went wrong", "Une erreur s'est produite"),
            text ?? new LocalizedText("Nothing was changed. Please try again, or quote the reference to support.",
                "Rien n'a été modifié. Réessayez, ou citez la référence au soutien."));
        return card with { ReferenceId = referenceId, FallbackText = $"{card.FallbackText} ({referenceId})" };
    }

    private static NoticeCard Make(NoticeKind kind, Language language, LocalizedText title, LocalizedText? text) => new()
    {
        Language = language,
        Kind = kind,
        Title = title.For(language),
        Text = text?.For(language),
        FallbackText = text is null ? title.For(language) : $"{title.For(language)} — {text.For(language)}",
    };
}
