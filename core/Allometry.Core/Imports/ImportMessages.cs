namespace Allometry.Core.Imports;

using System.Globalization;
using Allometry.Core.Localization;

/// <summary>
/// English and French sentences for every <see cref="ImportIssueCode"/>. Placeholders {0}, {1}…
/// are the issue's <see cref="ImportIssue.Args"/>; the location and the offending value are
/// added around the sentence by <see cref="Describe"/>.
/// </summary>
public static class ImportMessages
{
    private static readonly Dictionary<ImportIssueCode, (string En, string Fr)> Templates = new()
    {
        [ImportIssueCode.FileNotFound] = ("file or folder not found", "fichier ou dossier introuvable"),
        [ImportIssueCode.EmptyFile] = ("the file is empty", "le fichier est vide"),
        [ImportIssueCode.UnreadableFile] = ("the file cannot be read as {0}", "le fichier ne peut pas être lu comme {0}"),
        [ImportIssueCode.UnsupportedFormat] = ("unsupported input: expected a ledger workbook (.xlsx or a folder of <sheet>.csv) or an aging export (.csv or .xlsx)", "entrée non prise en charge : un classeur du grand livre (.xlsx ou un dossier de <feuille>.csv) ou un rapport de classement chronologique (.csv ou .xlsx) est attendu"),
        [ImportIssueCode.MissingSheet] = ("required sheet '{0}' is missing (sheets found: {1})", "la feuille obligatoire « {0} » est absente (feuilles trouvées : {1})"),
        [ImportIssueCode.UnknownSheet] = ("unknown sheet '{0}' is ignored", "la feuille inconnue « {0} » est ignorée"),
        [ImportIssueCode.EmptySheet] = ("the sheet has no header row", "la feuille n'a pas de ligne d'en-tête"),
        [ImportIssueCode.NoDataRows] = ("the sheet has a header but no data rows", "la feuille a un en-tête mais aucune ligne de données"),
        [ImportIssueCode.MissingColumn] = ("required column '{0}' is missing", "la colonne obligatoire « {0} » est absente"),
        [ImportIssueCode.UnknownColumn] = ("unknown column '{0}' is ignored", "la colonne inconnue « {0} » est ignorée"),
        [ImportIssueCode.DuplicateColumn] = ("column '{0}' appears more than once", "la colonne « {0} » apparaît plus d'une fois"),
        [ImportIssueCode.RequiredValueMissing] = ("a value is required", "une valeur est obligatoire"),
        [ImportIssueCode.InvalidAmount] = ("not an amount (expected e.g. 1234.56, 1,234.56, 1 234,56 $ or (1,234.56))", "montant invalide (attendu p. ex. 1234.56, 1,234.56, 1 234,56 $ ou (1,234.56))"),
        [ImportIssueCode.InvalidDate] = ("not a date (expected yyyy-MM-dd or one of the accepted formats)", "date invalide (attendu aaaa-MM-jj ou l'un des formats acceptés)"),
        [ImportIssueCode.AmbiguousDate] = ("ambiguous date: it reads as {0} or {1}; set meta.date_format (e.g. dd/MM/yyyy) or use yyyy-MM-dd", "date ambiguë : elle se lit {0} ou {1}; précisez meta.date_format (p. ex. dd/MM/yyyy) ou utilisez aaaa-MM-jj"),
        [ImportIssueCode.InvalidBoolean] = ("not a yes/no value (expected true/false, yes/no, oui/non, 1/0)", "valeur oui/non invalide (attendu true/false, yes/no, oui/non, 1/0)"),
        [ImportIssueCode.InvalidInteger] = ("not a whole number", "nombre entier invalide"),
        [ImportIssueCode.InvalidPercentage] = ("not a percentage between 0 and 100", "pourcentage invalide (entre 0 et 100)"),
        [ImportIssueCode.InvalidChoice] = ("not one of: {0}", "n'est pas l'une des valeurs : {0}"),
        [ImportIssueCode.InvalidProvince] = ("not a Canadian province or territory code (e.g. QC, ON)", "code de province ou de territoire canadien invalide (p. ex. QC, ON)"),
        [ImportIssueCode.InvalidLanguage] = ("not a language (expected en or fr)", "langue invalide (attendu en ou fr)"),
        [ImportIssueCode.InvalidCurrency] = ("not a three-letter currency code (e.g. CAD)", "code de devise à trois lettres invalide (p. ex. CAD)"),
        [ImportIssueCode.InvalidMetaKey] = ("unknown meta key '{0}' is ignored", "la clé meta inconnue « {0} » est ignorée"),
        [ImportIssueCode.InvalidDateFormat] = ("not a date format this importer can use (e.g. dd/MM/yyyy, MM/dd/yyyy or yyyy-MM-dd)", "format de date inutilisable (p. ex. dd/MM/yyyy, MM/dd/yyyy ou yyyy-MM-dd)"),
        [ImportIssueCode.TotalMismatch] = ("total {0} does not equal subtotal {1} + taxes {2} = {3}", "le total {0} n'égale pas le sous-total {1} + taxes {2} = {3}"),
        [ImportIssueCode.BalanceOutOfRange] = ("balance {0} must be between 0 and the total {1}", "le solde {0} doit être entre 0 et le total {1}"),
        [ImportIssueCode.NegativeAmount] = ("the amount must not be negative", "le montant ne doit pas être négatif"),
        [ImportIssueCode.AmountNotPositive] = ("the amount must be greater than 0", "le montant doit être supérieur à 0"),
        [ImportIssueCode.DateOrder] = ("{0} must not be before {1} ({2})", "{0} ne doit pas précéder {1} ({2})"),
        [ImportIssueCode.DuplicateId] = ("duplicate id: also on row {0}", "identifiant en double : aussi à la ligne {0}"),
        [ImportIssueCode.UnknownReference] = ("refers to an unknown {0}", "fait référence à un(e) {0} inconnu(e)"),
        [ImportIssueCode.PaymentOverApplied] = ("applications of payment {0} total {1}, more than the payment amount {2}", "les affectations du paiement {0} totalisent {1}, plus que le montant du paiement {2}"),
        [ImportIssueCode.InvoiceOverApplied] = ("applications to invoice {0} total {1}, more than the invoice total {2}", "les affectations à la facture {0} totalisent {1}, plus que le total de la facture {2}"),
        [ImportIssueCode.CurrencyMismatch] = ("currency {0} differs from the ledger currency {1}", "la devise {0} diffère de la devise du grand livre {1}"),
        [ImportIssueCode.AgingLayoutNotRecognized] = ("not a recognized aging export (QuickBooks Online, Zoho Books or Sage Accounting summary or detail): no known header row found", "rapport de classement chronologique non reconnu (sommaire ou détail QuickBooks Online, Zoho Books ou Sage Comptabilité) : aucune ligne d'en-tête connue"),
        [ImportIssueCode.AgingAsOfMissing] = ("the export does not say its as-of date; pass --as-of yyyy-MM-dd", "le rapport n'indique pas sa date de référence; utilisez --as-of aaaa-MM-jj"),
        [ImportIssueCode.AgingTotalMismatch] = ("the amounts add up to {0}, not the total {1} printed here (the row's buckets, or the lines above for a total row)", "les montants totalisent {0}, pas le total {1} inscrit ici (les tranches de la ligne, ou les lignes précédentes pour une ligne de total)"),
        [ImportIssueCode.AgingAsOfDiffers] = ("the export is as of {0}; the as-of date given ({1}) is not used for it", "le rapport est en date du {0}; la date de référence fournie ({1}) ne s'y applique pas"),
        [ImportIssueCode.AsOfMismatch] = ("as-of date {0} differs from {1}, the as-of date of the combined ledger", "la date de référence {0} diffère de {1}, celle du grand livre combiné"),
        [ImportIssueCode.AgingPayerAmbiguous] = ("customer '{0}' matches several payers ({1}); kept as a payer of its own", "le client « {0} » correspond à plusieurs payeurs ({1}); il est gardé comme payeur distinct"),
        [ImportIssueCode.TooManyErrors] = ("more than {0} errors: stopped listing them", "plus de {0} erreurs : la liste s'arrête ici"),
    };

    /// <summary>The template of one code, for tests that check every code has both languages.</summary>
    public static string Template(ImportIssueCode code, Language language) =>
        Templates.TryGetValue(code, out var t)
            ? (language == Language.Fr ? t.Fr : t.En)
            : throw new KeyNotFoundException($"No message for import issue code {code}.");

    /// <summary>"invoices.csv, sheet invoices, row 12, column total: not an amount … (value: 'abc')".</summary>
    public static string Describe(ImportIssue issue, Language language)
    {
        var culture = language == Language.Fr ? CultureInfo.GetCultureInfo("fr-CA") : CultureInfo.InvariantCulture;
        var what = string.Format(culture, Template(issue.Code, language), issue.Args);
        var where = DescribeLocation(issue.Location, language);
        var value = issue.Value is null ? "" : language == Language.Fr
            ? $" (valeur : « {Shorten(issue.Value)} »)"
            : $" (value: '{Shorten(issue.Value)}')";
        var severity = issue.Severity == ImportSeverity.Warning
            ? (language == Language.Fr ? "avertissement : " : "warning: ")
            : "";
        var separator = language == Language.Fr ? " : " : ": ";
        return where.Length == 0 ? severity + what + value : where + separator + severity + what + value;
    }

    /// <summary>"invoices.csv, sheet invoices, row 12, column total" / "fichier …, feuille …, ligne 12, colonne total".</summary>
    public static string DescribeLocation(ImportLocation at, Language language)
    {
        var fr = language == Language.Fr;
        var parts = new List<string>(4);
        if (at.File is not null) parts.Add(fr ? $"fichier {at.File}" : $"file {at.File}");
        if (at.Sheet is not null) parts.Add(fr ? $"feuille {at.Sheet}" : $"sheet {at.Sheet}");
        if (at.Row is int row) parts.Add(fr ? $"ligne {row}" : $"row {row}");
        if (at.Column is not null) parts.Add(fr ? $"colonne {at.Column}" : $"column {at.Column}");
        return string.Join(", ", parts);
    }

    // Binary garbage or a whole line pasted into a cell should not flood the terminal.
    private static string Shorten(string value)
    {
        var printable = new string([.. value.Take(60).Select(c => char.IsControl(c) ? '?' : c)]);
        return value.Length > 60 ? printable + "…" : printable;
    }
}
