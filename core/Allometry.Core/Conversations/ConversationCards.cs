namespace Allometry.Core.Conversations;

using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Questions;

/// <summary>The cards the conversation itself composes: welcome, help, the unconnected-workspace notice.</summary>
public static class ConversationCards
{
    /// <summary>The preset the welcome card's button subscribes to.</summary>
    public static readonly TimeOnly MorningDefault = new(7, 30);

    /// <summary>The data key naming which digest a <see cref="ActionVerb.Subscribe"/> button subscribes to.</summary>
    public const string DigestKey = "digest";

    /// <summary>The data key of a <see cref="ActionVerb.Subscribe"/> button's local time (HH:mm).</summary>
    public const string AtKey = "at";

    /// <summary>
    /// Said when the bot is added somewhere: who it is, what to ask, and (where someone may subscribe
    /// a conversation) a button subscribing it to the 07:30 morning digest.
    /// </summary>
    public static NoticeCard Welcome(Language language, bool offerSubscribe)
    {
        var card = NoticeCards.Information(language, ConversationTexts.WelcomeTitle,
            new LocalizedText($"{ConversationTexts.WelcomeText.En}\n\n{ConversationTexts.CommandsBody.En}", $"{ConversationTexts.WelcomeText.Fr}\n\n{ConversationTexts.CommandsBody.Fr}"));
        return !offerSubscribe ? card : card with
        {
            Actions =
            [
                new CardAction
                {
                    Verb = ActionVerb.Subscribe,
                    Title = ConversationTexts.SubscribeButton.For(language),
                    Tone = CardTone.Good,
                    Data = new Dictionary<string, string>(StringComparer.Ordinal) { [DigestKey] = "morning", [AtKey] = "07:30" },
                },
            ],
        };
    }

    /// <summary>The questions one can ask, then the commands.</summary>
    public static NoticeCard Help(Language language)
    {
        var questions = NoticeBuilder.Help(language);
        var text = $"{questions.Text}\n\n{ConversationTexts.CommandsTitle.For(language)}:\n{ConversationTexts.CommandsBody.For(language)}";
        return questions with { Text = text };
    }

    /// <summary>A workspace no tenant has claimed: polite, in both languages when the locale is unknown, and how an admin connects it.</summary>
    public static NoticeCard UnknownRealm(Platform platform, string realm, Language? language)
    {
        var code = platform switch
        {
            Platform.Teams => "teams",
            Platform.Slack => "slack",
            Platform.WebChat => "web_chat",
            _ => "cli",
        };
        var text = ConversationTexts.UnknownRealm(code, realm);
        if (language is { } l) return NoticeCards.Information(l, ConversationTexts.UnknownRealmTitle, text);
        // Nobody is known here, so neither is a language: say it in both.
        var title = $"{ConversationTexts.UnknownRealmTitle.En} / {ConversationTexts.UnknownRealmTitle.Fr}";
        return new NoticeCard
        {
            Language = Language.En,
            Kind = NoticeKind.Information,
            Title = title,
            Text = $"{text.En}\n\n{text.Fr}",
            FallbackText = title,
        };
    }

    /// <summary>A malformed command: what was wrong and the expected form.</summary>
    public static NoticeCard BadCommand(Language language, LocalizedText error) =>
        NoticeCards.Information(language, ConversationTexts.BadCommandTitle, error) with { Kind = NoticeKind.Warning };

    /// <summary>An error notice (a refusal, bad input) with its reason; no reference id, since nothing unexpected happened.</summary>
    public static NoticeCard Error(Language language, LocalizedText title, LocalizedText text) =>
        NoticeCards.Information(language, title, text) with { Kind = NoticeKind.Error };
}
