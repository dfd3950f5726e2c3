namespace Allometry.Adapters.Teams.Activities;

using Allometry.Core.Localization;

/// <summary>The words of invoke error bodies, which Teams shows to the person who clicked.</summary>
internal static class InvokeTexts
{
    public static string BadAction(Language? l) => Pick(l,
        "This button's data could not be read. Refresh the card and try again.",
        "Les données de ce bouton sont illisibles. Actualisez la carte et réessayez.");

    public static string Failed(Language? l) => Pick(l,
        "Allometry could not complete this action. Nothing was changed; try again in a moment.",
        "Allometry n'a pas pu effectuer cette action. Rien n'a été modifié; réessayez dans un instant.");

    public static string Done(Language? l) => Pick(l, "Done.", "C'est fait.");

    private static string Pick(Language? l, string en, string fr) => l == Language.Fr ? fr : en;
}
