namespace Allometry.Core.Rules.Tax;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Tax;
using static Allometry.Core.Rules.Tax.TaxTexts;

/// <summary>
/// MissingRegistrationNumber (domain.md §4), Medium: an invoice of at least
/// <see cref="RuleSettings.RegistrationNumberThreshold"/> charges tax that no valid registration
/// number printed on it backs: GST/HST without a GST/HST number whose business number passes its
/// check digit, or QST without a QST number. Amount at risk: the tax so unbacked — GST + HST when
/// the GST/HST number is missing, plus the QST when the QST number is (the customer cannot claim
/// input tax credits for it).
/// </summary>
/// <remarks>
/// PST/RST is backed by a provincial number the import contract does not carry: not checked.
/// Credit notes are checked too (a credit note must show the registrant's number, ETA s. 232(3));
/// their threshold and amount use absolute values. Void invoices and aging-export rows (which
/// carry neither tax nor numbers) are skipped. Needs <c>meta</c> as the mark of a ledger workbook:
/// on aging exports alone the rule reports it lacks data instead of passing silently.
/// </remarks>
public sealed class MissingRegistrationNumberRule : IRule
{
    public string Id => "MissingRegistrationNumber";
    public int Version => 1;
    public IReadOnlyList<string> RequiredSheets { get; } = [LedgerSheets.Meta, LedgerSheets.Invoices];

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A ledger prints a handful of distinct registration strings on a million invoices: parse each once.
        var parsed = new Dictionary<string, PrintedRegistrationNumbers>(StringComparer.Ordinal);
        foreach (var invoice in context.Ledger.Invoices)
        {
            if (invoice.Origin != InvoiceOrigin.Workbook || invoice.Status == InvoiceStatus.Void) continue;
            if (Math.Abs(invoice.Total) < context.Settings.RegistrationNumberThreshold) continue;
            var text = invoice.RegistrationNumbers ?? "";
            if (!parsed.TryGetValue(text, out var printed))
            {
                printed = RegistrationNumbers.Parse(text);
                parsed[text] = printed;
            }
            var missingGstHst = invoice.Gst + invoice.Hst != 0m && !printed.HasGstHst;
            var missingQst = invoice.Qst != 0m && !printed.HasQst;
            if (!missingGstHst && !missingQst) continue;
            var unbacked = (missingGstHst ? invoice.Gst + invoice.Hst : 0m) + (missingQst ? invoice.Qst : 0m);
            yield return ToFinding(context.Ledger.Meta, invoice, printed, missingGstHst, missingQst, Math.Abs(unbacked));
        }
    }

    private Finding ToFinding(LedgerMeta meta, Invoice invoice, PrintedRegistrationNumbers printed, bool missingGstHst, bool missingQst, decimal amount)
    {
        var currency = invoice.Currency;
        string M(decimal value, Language l) => Money(value, l, currency);
        var which = (missingGstHst, missingQst) switch
        {
            (true, true) => new LocalizedText("GST/HST and QST numbers", "numéros de TPS/TVH et de TVQ"),
            (true, false) => new LocalizedText("GST/HST number", "numéro de TPS/TVH"),
            _ => new LocalizedText("QST number", "numéro de TVQ"),
        };
        var shown = string.IsNullOrWhiteSpace(invoice.RegistrationNumbers)
            ? new LocalizedText("none", "aucun")
            : new LocalizedText($"\u201C{invoice.RegistrationNumbers.Trim()}\u201D", $"« {invoice.RegistrationNumbers.Trim()} »");
        var badCheck = printed.InvalidGstHst.Count > 0 && missingGstHst
            ? new LocalizedText(
                $" {string.Join(", ", printed.InvalidGstHst)} fails the business number's check digit.",
                $" {string.Join(", ", printed.InvalidGstHst)} a un chiffre de contrôle invalide.")
            : new LocalizedText("", "");

        var evidence = new List<Evidence>
        {
            new(LedgerSheets.Invoices, invoice.InvoiceId, "registration_numbers", Expected(meta, missingGstHst, missingQst), invoice.RegistrationNumbers),
        };
        if (missingGstHst)
        {
            evidence.Add(new(LedgerSheets.Invoices, invoice.InvoiceId, invoice.Hst != 0m ? "hst" : "gst", null, Invariant(invoice.Gst + invoice.Hst)));
        }
        if (missingQst)
        {
            evidence.Add(new(LedgerSheets.Invoices, invoice.InvoiceId, "qst", null, Invariant(invoice.Qst)));
        }

        return new Finding
        {
            RuleId = Id,
            RuleVersion = Version,
            Severity = Severity.Medium,
            Subject = new FindingSubject(SubjectKind.Invoice, invoice.InvoiceId),
            AmountAtRisk = amount,
            Currency = currency,
            PayerId = invoice.PayerId,
            ProjectId = invoice.ProjectId,
            Title = new(
                $"{invoice.InvoiceId}: tax charged without a valid {which.En}",
                $"{invoice.InvoiceId} : taxes facturées sans {which.Fr} valide"),
            Detail = new(
                $"The invoice ({M(invoice.Total, Language.En)}) charges {M(amount, Language.En)} of tax that no valid {which.En} backs (numbers printed: {shown.En}).{badCheck.En} Without a valid number the customer cannot claim input tax credits and may hold the payment.",
                $"La facture ({M(invoice.Total, Language.Fr)}) porte {M(amount, Language.Fr)} de taxes sans {which.Fr} valide (numéros inscrits : {shown.Fr}).{badCheck.Fr} Sans numéro valide, le client ne peut pas réclamer ses crédits de taxe et pourrait retenir le paiement."),
            SuggestedAction = new(
                $"Fix the invoice template to print the seller's {which.En} and re-send {invoice.InvoiceId}.",
                $"Corriger le modèle de facture pour y inscrire {(missingGstHst && missingQst ? "les numéros" : "le numéro")} d'inscription du vendeur et renvoyer {invoice.InvoiceId}."),
            Evidence = evidence,
        };
    }

    // What the invoice should print: the seller's numbers from meta when they are valid, else the shape.
    private static string Expected(LedgerMeta meta, bool gstHst, bool qst)
    {
        var parts = new List<string>();
        if (gstHst) parts.Add(RegistrationNumbers.IsValidGstHst(meta.SellerGstHstNumber) ? meta.SellerGstHstNumber! : "#########RT####");
        if (qst) parts.Add(RegistrationNumbers.IsValidQst(meta.SellerQstNumber) ? meta.SellerQstNumber! : "##########TQ####");
        return string.Join("; ", parts);
    }
}
