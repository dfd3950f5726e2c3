namespace Allometry.Core.Diagnostics;

using Allometry.Core.Localization;

/// <summary>The report's own sentences: why a figure is missing, what a metric means.</summary>
internal static class DiagnosticTexts
{
    public static readonly LocalizedText NoSalesHistory = new(
        "An aging export lists only what is still open, not what was sold: this needs the sales of the period, i.e. the invoices sheet of the ledger workbook with paid invoices included.",
        "Un classement chronologique ne montre que ce qui reste ouvert, pas ce qui a été vendu : il faut les ventes de la période, soit la feuille invoices du classeur, factures payées comprises.");

    public static LocalizedText NoSalesInPeriod(int days) => new(
        $"No credit sales in the {days} days before the as-of date: the ratio is undefined.",
        $"Aucune vente à crédit dans les {days} jours précédant la date de référence : le ratio n'est pas défini.");

    public static readonly LocalizedText NoPaymentHistory = new(
        "CEI needs the receivables at the start of the period, rebuilt from the payments and payment_applications sheets.",
        "Le CEI exige les comptes clients au début de la période, reconstitués à partir des feuilles payments et payment_applications.");

    public static readonly LocalizedText NothingCollectible = new(
        "Nothing was collectible during the period (begin AR + sales − end current AR is not positive): the index is undefined.",
        "Rien n'était recouvrable pendant la période (comptes au début + ventes − comptes courants à la fin n'est pas positif) : l'indice n'est pas défini.");

    public static readonly LocalizedText NoRetainageSheet = new(
        "Not in the input: the retainage sheet lists the retenue / holdback held per project and its release dates. Retainage the rules recognized in the invoices is listed below.",
        "Absent des données : la feuille retainage donne les retenues par projet et leurs dates de libération. Les retenues que les règles ont reconnues dans les factures sont listées ci-dessous.");

    public static readonly LocalizedText NoInvoiceKinds = new(
        "An aging export does not say which invoices are deposits: the invoices sheet (kind) and the projects sheet (deposit %) of the ledger workbook do.",
        "Un classement chronologique n'indique pas quelles factures sont des acomptes : la feuille invoices (type) et la feuille projects (% d'acompte) du classeur le font.");

    public static readonly LocalizedText NoQuotes = new(
        "Not in the input: the quotes sheet is needed to compare what was quoted with what was invoiced.",
        "Absent des données : la feuille quotes est nécessaire pour comparer les soumissions à la facturation.");

    public static readonly LocalizedText NoEntityLinks = new(
        "Without the entity_links sheet each payer stands alone: parent companies, affiliates and successors are not grouped.",
        "Sans la feuille entity_links, chaque payeur est seul : sociétés mères, affiliées et successeurs ne sont pas regroupés.");

    public static readonly LocalizedText DsoName = new("DSO (days sales outstanding)", "DSO (délai moyen de recouvrement)");
    public static readonly LocalizedText BestPossibleDsoName = new("Best possible DSO", "Meilleur DSO possible");
    public static readonly LocalizedText AddName = new("Average days delinquent (ADD)", "Retard moyen (ADD)");
    public static readonly LocalizedText CeiName = new("Collection effectiveness index (CEI)", "Indice d'efficacité du recouvrement (CEI)");

    public static LocalizedText DsoFormula(int days) => new(
        $"open AR ÷ credit sales of the last {days} days × {days}",
        $"comptes clients ouverts ÷ ventes à crédit des {days} derniers jours × {days}");

    public static LocalizedText BestPossibleDsoFormula(int days) => new(
        $"current (not yet due) AR ÷ credit sales × {days}",
        $"comptes clients courants (non échus) ÷ ventes à crédit × {days}");

    public static readonly LocalizedText AddFormula = new("DSO − best possible DSO", "DSO − meilleur DSO possible");

    public static readonly LocalizedText CeiFormula = new(
        "(begin AR + sales − end AR) ÷ (begin AR + sales − end current AR) × 100",
        "(comptes au début + ventes − comptes à la fin) ÷ (comptes au début + ventes − comptes courants à la fin) × 100");

    public static readonly LocalizedText UnreleasedRetainageFeature = new("the retainage still held", "les retenues encore détenues");
    public static readonly LocalizedText CeiFeature = new("the collection effectiveness index (CEI)", "l'indice d'efficacité du recouvrement (CEI)");
    public static readonly LocalizedText LinkedExposureFeature = new("the exposure by linked group", "l'exposition par groupe lié");
    public static readonly LocalizedText QuotedTotalsFeature = new("the accepted quote totals", "le total des soumissions acceptées");
    public static readonly LocalizedText SalesMetricsFeature = new(
        "DSO, best possible DSO and average days delinquent",
        "le DSO, le meilleur DSO possible et le retard moyen");

    /// <summary>"a, b and c" / "a, b et c".</summary>
    public static string Join(IReadOnlyList<string> parts, Language language)
    {
        var and = language == Language.Fr ? " et " : " and ";
        return parts.Count switch
        {
            0 => "",
            1 => parts[0],
            _ => string.Join(", ", parts.Take(parts.Count - 1)) + and + parts[^1],
        };
    }
}
