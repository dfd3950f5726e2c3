namespace Allometry.Core.Diagnostics;

using Allometry.Core.Imports;
using Allometry.Core.Localization;

/// <summary>What each sheet of the import contract holds, in words a prospect understands.</summary>
public static class SheetDescriptions
{
    private static readonly Dictionary<string, LocalizedText> Known = new(StringComparer.Ordinal)
    {
        [LedgerSheets.Meta] = new("as-of date, seller province and tax registration numbers",
            "date de référence, province du vendeur et numéros d'inscription aux taxes"),
        [LedgerSheets.Payers] = new("customers with their province and credit limit",
            "clients avec leur province et leur limite de crédit"),
        [LedgerSheets.EntityLinks] = new("how payers are related: parent, affiliate, successor, handoff",
            "liens entre payeurs : société mère, affiliée, successeur, transfert"),
        [LedgerSheets.Projects] = new("projects and sites: province, supply type, deposit and retainage terms, CSP and réception dates",
            "projets et chantiers : province, type de fourniture, conditions d'acompte et de retenue, dates du certificat et de la réception"),
        [LedgerSheets.Deliveries] = new("scheduled deliveries and installations",
            "livraisons et installations prévues"),
        [LedgerSheets.Quotes] = new("quotes and estimates with their deposit terms",
            "soumissions et estimations avec leurs conditions d'acompte"),
        [LedgerSheets.Invoices] = new("every invoice, paid ones included, with its kind and tax components",
            "toutes les factures, payées comprises, avec leur type et leurs taxes"),
        [LedgerSheets.Payments] = new("payments received",
            "paiements reçus"),
        [LedgerSheets.PaymentApplications] = new("which invoices each payment settled",
            "factures réglées par chaque paiement"),
        [LedgerSheets.Retainage] = new("retainage held per project and its release dates",
            "retenues par projet et leurs dates de libération"),
        [LedgerSheets.ServiceContracts] = new("annual service contracts and their renewal dates",
            "contrats de service annuels et leurs dates de renouvellement"),
        [LedgerSheets.Promises] = new("promises to pay",
            "promesses de paiement"),
        [LedgerSheets.BankTransactions] = new("bank statement lines",
            "lignes de relevé bancaire"),
    };

    /// <summary>The sheet's contents in both languages (the sheet name itself for an unknown sheet).</summary>
    public static LocalizedText Of(string sheet) =>
        Known.TryGetValue(sheet, out var text) ? text : new LocalizedText(sheet, sheet);
}
