namespace Allometry.Adapters.Teams.Cards;

using Allometry.Core.Cards.Building;
using Allometry.Core.Localization;

/// <summary>
/// The few words the Adaptive Card layout adds around the card model's already-localized content
/// (section headings, the input error message, the overflow button), in both languages.
/// </summary>
internal static class AdaptiveText
{
    public static string Required(Language l) => CardText.Pick(l, "This field is required.", "Ce champ est obligatoire.");

    public static string RiskScore(Language l) => CardText.Pick(l, "Risk score", "Cote de risque");

    public static string WhyThisScore(Language l) => CardText.Pick(l, "Why this score", "Pourquoi cette cote");

    public static string Evidence(Language l) => CardText.Pick(l, "Evidence", "Pièces justificatives");

    public static string SuggestedAction(Language l) => CardText.Pick(l, "Suggested action", "Action suggérée");

    public static string Rows(Language l) => CardText.Pick(l, "Rows", "Lignes");

    public static string Row(Language l) => CardText.Pick(l, "Row", "Ligne");

    public static string Description(Language l) => CardText.Pick(l, "Description", "Description");

    public static string Amount(Language l) => CardText.Pick(l, "Amount", "Montant");

    public static string MoreRows(int count, Language l) =>
        CardText.Pick(l, $"… and {count} more rows", $"… et {count} autres lignes");

    public static string MoreOpen(int count, Language l) =>
        CardText.Pick(l, $"… and {count} more open exceptions", $"… et {count} autres exceptions ouvertes");

    public static string WeekEnding(DateOnly date, Language l) =>
        CardText.Pick(l, $"Week ending {CardText.Date(date)}", $"Semaine se terminant le {CardText.Date(date)}");

    public static string Reference(string id, Language l) => CardText.Pick(l, $"Reference: {id}", $"Référence : {id}");

    public static string Figure(Language l) => CardText.Pick(l, "Figure", "Indicateur");

    public static string Value(Language l) => CardText.Pick(l, "Value", "Valeur");

    public static string IConfirm(Language l) => CardText.Pick(l, "I confirm", "Je confirme");

    public static string AmountError(Language l) =>
        CardText.Pick(l, "Enter an amount, for example 1234.56.", "Entrez un montant, par exemple 1 234,56.");

    public static string AmountPlaceholder(Language l) => CardText.Pick(l, "1234.56", "1 234,56");

    public static string More(Language l) => CardText.Pick(l, "More…", "Plus…");
}
