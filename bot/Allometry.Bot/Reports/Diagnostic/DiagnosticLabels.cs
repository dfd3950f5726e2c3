namespace Allometry.Bot.Reports.Diagnostic;

using System.Globalization;
using Allometry.Core.Aging;
using Allometry.Core.Diagnostics;
using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>
/// Every word the rendered report prints that is not ledger data, in the report's language, and
/// how it writes money, dates, days and percentages. Formats are fixed here rather than taken
/// from ICU so a report reads the same on every machine.
/// </summary>
internal sealed class DiagnosticLabels(Language language, string currency)
{
    private const string Nbsp = "\u00A0";

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] FrenchMonths =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    public Language Language { get; } = language;

    private bool Fr => Language == Language.Fr;

    private string L(string en, string fr) => Fr ? fr : en;

    public string Text(LocalizedText text) => text.For(Language);

    public string Money(decimal amount) => MoneyFormat.Format(amount, Language, currency);

    public string Date(DateOnly date) => Fr
        ? $"{date.Day}{(date.Day == 1 ? "er" : "")} {FrenchMonths[date.Month - 1]} {date.Year}"
        : $"{EnglishMonths[date.Month - 1]} {date.Day}, {date.Year}";

    public string Days(decimal days) => $"{Decimal1(days)}{Nbsp}{L("days", "jours")}";

    public string Percent(decimal percent) => Fr ? $"{Decimal1(percent)}{Nbsp}%" : $"{Decimal1(percent)}%";

    public string Share(decimal part, decimal whole) => whole == 0m ? "—" : Percent(part / whole * 100m);

    public string Count(int n) => n.ToString("#,##0", CultureInfo.InvariantCulture).Replace(",", Fr ? Nbsp : ",", StringComparison.Ordinal);

    public string Metric(DiagnosticMetric metric) =>
        metric.Value is not { } v ? L("Not available", "Non disponible")
        : metric.Unit == MetricUnit.Percent ? Percent(v) : Days(v);

    private string Decimal1(decimal value)
    {
        var text = decimal.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);
        return Fr ? text.Replace('.', ',') : text;
    }

    public string Bucket(AgingBucket bucket) => AgingBuckets.Label(bucket, Language);

    public string Severity(Severity severity) => severity switch
    {
        Core.Rules.Severity.Critical => L("Critical", "Critique"),
        Core.Rules.Severity.High => L("High", "Élevée"),
        Core.Rules.Severity.Medium => L("Medium", "Moyenne"),
        Core.Rules.Severity.Low => L("Low", "Faible"),
        _ => L("Info", "Info"),
    };

    public string InputKind(DiagnosticInputKind kind) => kind switch
    {
        DiagnosticInputKind.AgingExport => L("AR aging export", "classement chronologique des comptes clients"),
        DiagnosticInputKind.LedgerWorkbook => L("ledger workbook", "classeur du grand livre"),
        _ => L("ledger workbook and aging export", "classeur du grand livre et classement chronologique"),
    };

    public string Topic(DiagnosticTopic topic) => topic switch
    {
        DiagnosticTopic.Retainage => L("Retainage", "Retenues"),
        DiagnosticTopic.Deposits => L("Deposits", "Acomptes"),
        DiagnosticTopic.QuoteVariance => L("Quotes", "Soumissions"),
        DiagnosticTopic.LinkedEntities => L("Linked entities", "Entités liées"),
        DiagnosticTopic.Tax => L("Sales tax", "Taxes de vente"),
        DiagnosticTopic.Renewals => L("Renewals", "Renouvellements"),
        _ => L("Collections", "Recouvrement"),
    };

    public string RuleStatus(RuleStatus status) => status.Status switch
    {
        RuleRunStatus.Ran when status.Findings == 0 => L("Ran — nothing found", "Exécutée — rien à signaler"),
        RuleRunStatus.Ran => L($"Ran — {Count(status.Findings)} finding(s)", $"Exécutée — {Count(status.Findings)} constat(s)"),
        RuleRunStatus.Disabled => L("Switched off", "Désactivée"),
        _ => L($"Not run — needs {string.Join(", ", status.MissingSheets)}", $"Non exécutée — il faut {string.Join(", ", status.MissingSheets)}"),
    };

    public string Brand => "Allometry";
    public string Title => L("What this would have caught", "Ce que nous aurions détecté");
    public string Subtitle => L("Receivables diagnostic", "Diagnostic des comptes clients");
    public string AsOf => L("As of", "Au");
    public string Sources => L("Source", "Source");
    public string CurrencyLabel => L("Currency", "Devise");

    public string OpenAr => L("Open receivables", "Comptes clients ouverts");
    public string PastDue => L("Past due", "En souffrance");
    public string MoneyAtRisk => L("Money at risk", "Montant à risque");
    public string Findings => L("Findings", "Constats");
    public string CriticalHigh => L("Critical or high", "Critiques ou élevés");
    public string RulesRun => L("Rules run", "Règles exécutées");
    public string Of => L("of", "sur");

    public string ByRuleHeading => L("Money at risk by rule", "Montant à risque par règle");
    public string AgingHeading => L("Aging of open receivables", "Classement chronologique des comptes ouverts");
    public string LargestPayersHeading => L("Largest balances", "Soldes les plus importants");
    public string ExposureHeading => L("Exposure by linked group", "Exposition par groupe lié");
    public string MetricsHeading => L("Collection metrics", "Indicateurs de recouvrement");
    public string TopicsHeading => L("What it would have caught", "Ce qui aurait été détecté");
    public string TopItemsHeading => L("Top items, with the evidence", "Points prioritaires, avec les preuves");
    public string CoverageHeading => L("What we could not check, and what would enable it", "Ce que nous n'avons pas pu vérifier, et ce qui le permettrait");
    public string RulesHeading => L("Every rule, and what became of it", "Toutes les règles, et leur résultat");

    public string RetainageCard => L("Unreleased retenue / holdback", "Retenues non libérées");
    public string DepositsCard => L("Unpaid deposits", "Acomptes impayés");
    public string QuotesCard => L("Quote variances", "Écarts de soumission");
    public string LinkedCard => L("Linked-entity exposure", "Exposition des entités liées");

    public string Rule => L("Rule", "Règle");
    public string Status => L("Status", "Résultat");
    public string TopicColumn => L("Topic", "Domaine");
    public string HighestSeverity => L("Highest severity", "Gravité max.");
    public string BucketColumn => L("Bucket", "Tranche");
    public string Amount => L("Amount", "Montant");
    public string ShareColumn => L("Share", "Part");
    public string Payer => L("Payer", "Payeur");
    public string Project => L("Project", "Projet");
    public string Invoices => L("Invoices", "Factures");
    public string Total => L("Total", "Total");
    public string Group => L("Group", "Groupe");
    public string Members => L("Members", "Membres");
    public string CreditLimit => L("Credit limit", "Limite de crédit");
    public string OverLimit => L("over limit", "au-delà de la limite");
    public string Limit => L("limit", "limite");
    public string Sheet => L("Sheet", "Feuille");
    public string Row => L("Row", "Ligne");
    public string Field => L("Field", "Champ");
    public string Expected => L("Expected", "Attendu");
    public string Found => L("Found", "Trouvé");
    public string Note => L("Note", "Note");
    public string SuggestedAction => L("Suggested action", "Action suggérée");
    public string Evidence => L("Evidence", "Preuves");
    public string Formula => L("Formula", "Formule");
    public string NotAvailable => L("Not available", "Non disponible");
    public string NothingFound => L("Nothing found.", "Rien à signaler.");
    public string EverythingChecked => L("Every rule had the data it needs: nothing was left unchecked.", "Chaque règle avait les données nécessaires : rien n'est resté non vérifié.");
    public string ChartTableNote => L("The table gives the chart's figures.", "Le tableau donne les chiffres du graphique.");

    public string Colon => Fr ? Nbsp + ": " : ": ";

    public string FindingsCount(int findings) => L($"{Count(findings)} finding(s)", $"{Count(findings)} constat(s)");

    public string OpenItems(int n) => L($"{Count(n)} open item(s)", $"{Count(n)} poste(s) ouvert(s)");

    public string WithFindings(int n) => L($"{Count(n)} with findings", $"{Count(n)} avec constats");

    public string MoreEvidence(int n) => L($"… and {Count(n)} more row(s) (all of them in the JSON report).", $"… et {Count(n)} autre(s) ligne(s) (toutes dans le rapport JSON).");

    public string NeedsSales => L("needs the sales history", "exige l'historique des ventes");

    public string FindingsLine(int findings, decimal amount) =>
        L($"{Count(findings)} finding(s), {Money(amount)} at risk", $"{Count(findings)} constat(s), {Money(amount)} à risque");

    public string RulesRunOf(int ran, int total) => $"{Count(ran)} {Of} {Count(total)}";

    public string HoldsLine(int holds, decimal late, int lateHolds) =>
        L($"{Count(holds)} hold(s) not yet released; {Money(late)} past the release date ({Count(lateHolds)})",
          $"{Count(holds)} retenue(s) non libérée(s); {Money(late)} après la date de libération ({Count(lateHolds)})");

    public string DepositsLine(int invoices) =>
        L($"{Count(invoices)} deposit invoice(s) with a balance", $"{Count(invoices)} facture(s) d'acompte avec un solde");

    public string QuotesLine(int quotes, decimal total) =>
        L($"{Count(quotes)} accepted quote(s) worth {Money(total)} before tax compared with their invoices",
          $"{Count(quotes)} soumission(s) acceptée(s) de {Money(total)} avant taxes comparée(s) à leurs factures");

    public string LinkedLine(int groups, decimal openAr, int overLimit) =>
        L($"{Count(groups)} linked group(s) holding {Money(openAr)}; {Count(overLimit)} over their credit limit",
          $"{Count(groups)} groupe(s) lié(s) détenant {Money(openAr)}; {Count(overLimit)} au-delà de leur limite de crédit");

    public string PeriodLine(CollectionMetrics m) =>
        L($"Sales period: the {m.PeriodDays} days after {Date(m.PeriodStart)}.", $"Période de ventes : les {m.PeriodDays} jours suivant le {Date(m.PeriodStart)}.")
        + " " + L("Credit sales", "Ventes à crédit") + ": " + (m.CreditSales is { } s ? Money(s) : "—")
        + "; " + L("AR at the start", "Comptes au début") + ": " + (m.BeginAr is { } b ? Money(b) : "—")
        + "; " + L("AR at the end", "Comptes à la fin") + ": " + Money(m.EndAr)
        + "; " + L("of which current", "dont courants") + ": " + Money(m.EndCurrentAr) + ".";

    public string OverlapNote => L(
        "Rules look at the same money from different angles (an overdue retainage invoice is also an overdue invoice), so money at risk adds the rules' amounts as they stand and one dollar may count twice. Open receivables count each balance once.",
        "Les règles examinent le même argent sous différents angles (une facture de retenue en souffrance est aussi une facture en souffrance) : le montant à risque additionne les montants des règles tels quels et un dollar peut compter deux fois. Les comptes clients ouverts comptent chaque solde une fois.");

    public string AgingNote => L(
        "Aged by days beyond the due date as of the report's date; credits reduce the bucket they fall in.",
        "Classement selon les jours écoulés depuis l'échéance à la date du rapport; les crédits réduisent la tranche où ils tombent.");

    public string SinglePayersNote => L("Payers with no linked entity stand alone.", "Les payeurs sans entité liée sont seuls.");

    public string Footer => L(
        "Prepared by Allometry, the AR control layer. Every amount is exact to the cent and comes from the rows cited; nothing was changed in your books.",
        "Préparé par Allometry, la couche de contrôle des comptes clients. Chaque montant est exact au cent près et provient des lignes citées; rien n'a été modifié dans vos livres.");
}
