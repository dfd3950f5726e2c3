namespace Allometry.Core.Postgres.People;

using Allometry.Core.Cards;
using Allometry.Core.Localization;

/// <summary>
/// The polite answer to a chat user Allometry does not know yet: never a silent drop, and it says
/// how to get linked (ask an administrator to add your work email; the link is then made by the
/// email the platform's directory verifies).
/// </summary>
public static class UnlinkedUserNotice
{
    private static readonly LocalizedText Title = new(
        "I don't know you yet",
        "Je ne vous connais pas encore");

    private static readonly LocalizedText Text = new(
        "Your chat account isn't linked to an Allometry user. Ask your finance team or administrator to add your work email "
        + "(allometry users add <email> --role …); I link you automatically by the verified email of your account. Then ask me again.",
        "Votre compte de clavardage n'est lié à aucun utilisateur d'Allometry. Demandez à votre équipe des finances ou à votre "
        + "administrateur d'ajouter votre courriel professionnel (allometry users add <courriel> --role …); je vous relie "
        + "automatiquement par le courriel vérifié de votre compte. Reposez ensuite votre question.");

    /// <summary>The notice in <paramref name="language"/> (the platform's locale when the person is unknown).</summary>
    public static NoticeCard Build(Language language) => new()
    {
        Language = language,
        Kind = NoticeKind.Information,
        Title = Title.For(language),
        Text = Text.For(language),
        FallbackText = Title.For(language) + " — " + Text.For(language),
    };
}
