namespace Allometry.Adapters.Ledger.Writing;

using System.Globalization;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Cells = System.Collections.Generic.IReadOnlyList<XlsxCell>;

/// <summary>
/// A ledger batch as the sheets of import-format.md: the contract's column names in the
/// contract's order, dates <c>yyyy-MM-dd</c>, enums as <see cref="LedgerVocabulary"/> codes,
/// booleans <c>true</c>/<c>false</c>, lists <c>;</c>-joined, amounts as numbers.
/// </summary>
internal static class LedgerTables
{
    /// <summary>
    /// The sheets to write, in contract order: those the batch says it has plus the required
    /// ones, or every sheet when the batch names none. Rows are produced lazily, one sheet after
    /// the other, so each of the batch's sequences is enumerated once, in order.
    /// </summary>
    public static IReadOnlyList<XlsxSheet> From(LedgerBatch batch)
    {
        var wanted = batch.PresentSheets.Count == 0
            ? LedgerSheets.All
            : [.. LedgerSheets.All.Where(s => batch.PresentSheets.Contains(s) || LedgerSheets.Required.Contains(s))];
        return [.. wanted.Select(sheet => Sheet(sheet, batch))];
    }

    private static XlsxSheet Sheet(string sheet, LedgerBatch b) => sheet switch
    {
        LedgerSheets.Meta => new(sheet, ["key", "value"], Meta(b.Meta)),
        LedgerSheets.Payers => new(sheet,
            ["payer_id", "name", "aliases", "province", "gst_hst_number", "qst_number", "credit_limit", "language", "email"],
            b.Payers.Select(p => Row(p.PayerId, p.Name, Join(p.Aliases), Code(p.Province), p.GstHstNumber, p.QstNumber,
                XlsxCell.Money(p.CreditLimit), Code(p.Language), p.Email))),
        LedgerSheets.EntityLinks => new(sheet, ["from_payer_id", "to_payer_id", "kind", "effective_date", "note"],
            b.EntityLinks.Select(l => Row(l.FromPayerId, l.ToPayerId, Code(l.Kind), Date(l.EffectiveDate), l.Note))),
        LedgerSheets.Projects => new(sheet,
            ["project_id", "name", "site_province", "site_city", "pm_email", "contract_payer_id", "current_payer_id", "supply_type",
             "deposit_pct", "retainage_pct", "release_rule", "release_days", "contract_date", "csp_published_on", "reception_on",
             "fin_travaux_on", "completed_on", "status"],
            b.Projects.Select(p => Row(p.ProjectId, p.Name, Code(p.SiteProvince), p.SiteCity, p.PmEmail, p.ContractPayerId, p.CurrentPayerId,
                Code(p.SupplyType), XlsxCell.FromNumber(p.DepositPct), XlsxCell.FromNumber(p.RetainagePct), Code(p.ReleaseRule),
                XlsxCell.FromNumber(p.ReleaseDays), Date(p.ContractDate), Date(p.CspPublishedOn), Date(p.ReceptionOn),
                Date(p.FinTravauxOn), Date(p.CompletedOn), Code(p.Status)))),
        LedgerSheets.Deliveries => new(sheet, ["project_id", "milestone", "scheduled_on", "delivered_on", "status"],
            b.Deliveries.Select(d => Row(d.ProjectId, d.Milestone, Date(d.ScheduledOn), Date(d.DeliveredOn), Code(d.Status)))),
        LedgerSheets.Quotes => new(sheet, ["quote_id", "project_id", "payer_id", "quote_date", "accepted_on", "total_ex_tax", "deposit_pct", "status"],
            b.Quotes.Select(q => Row(q.QuoteId, q.ProjectId, q.PayerId, Date(q.QuoteDate), Date(q.AcceptedOn), XlsxCell.Money(q.TotalExTax),
                XlsxCell.FromNumber(q.DepositPct), Code(q.Status)))),
        LedgerSheets.Invoices => new(sheet,
            ["invoice_id", "payer_id", "project_id", "kind", "issue_date", "due_date", "subtotal", "gst", "hst", "qst", "pst", "total",
             "balance", "retainage_held", "tax_province", "registration_numbers", "currency", "status"],
            b.Invoices.Select(i => Row(i.InvoiceId, i.PayerId, i.ProjectId, Code(i.Kind), Date(i.IssueDate), Date(i.DueDate),
                XlsxCell.Money(i.Subtotal), XlsxCell.Money(i.Gst), XlsxCell.Money(i.Hst), XlsxCell.Money(i.Qst), XlsxCell.Money(i.Pst),
                XlsxCell.Money(i.Total), XlsxCell.Money(i.Balance), XlsxCell.Money(i.RetainageHeld), Code(i.TaxProvince),
                i.RegistrationNumbers, i.Currency, Code(i.Status)))),
        LedgerSheets.Payments => new(sheet, ["payment_id", "payer_id", "received_on", "amount", "reference", "method"],
            b.Payments.Select(p => Row(p.PaymentId, p.PayerId, Date(p.ReceivedOn), XlsxCell.Money(p.Amount), p.Reference, p.Method))),
        LedgerSheets.PaymentApplications => new(sheet, ["payment_id", "invoice_id", "amount"],
            b.PaymentApplications.Select(a => Row(a.PaymentId, a.InvoiceId, XlsxCell.Money(a.Amount)))),
        LedgerSheets.Retainage => new(sheet,
            ["project_id", "invoice_id", "held_amount", "release_due_on", "released_on", "release_invoice_id", "collected_on"],
            b.Retainage.Select(h => Row(h.ProjectId, h.InvoiceId, XlsxCell.Money(h.HeldAmount), Date(h.ReleaseDueOn), Date(h.ReleasedOn),
                h.ReleaseInvoiceId, Date(h.CollectedOn)))),
        LedgerSheets.ServiceContracts => new(sheet,
            ["contract_id", "payer_id", "project_id", "annual_fee", "renewal_date", "service_active", "last_renewal_invoice_id"],
            b.ServiceContracts.Select(c => Row(c.ContractId, c.PayerId, c.ProjectId, XlsxCell.Money(c.AnnualFee), Date(c.RenewalDate),
                Bool(c.ServiceActive), c.LastRenewalInvoiceId))),
        LedgerSheets.Promises => new(sheet, ["payer_id", "invoice_id", "promised_on", "promised_amount", "recorded_on"],
            b.Promises.Select(p => Row(p.PayerId, p.InvoiceId, Date(p.PromisedOn), XlsxCell.Money(p.PromisedAmount), Date(p.RecordedOn)))),
        LedgerSheets.BankTransactions => new(sheet, ["transaction_id", "posted_on", "amount", "description", "reference", "account"],
            b.BankTransactions.Select(t => Row(t.TransactionId, Date(t.PostedOn), XlsxCell.Money(t.Amount), t.Description, t.Reference, t.Account))),
        _ => throw new ArgumentOutOfRangeException(nameof(sheet), sheet, "Not a sheet of the ledger workbook."),
    };

    private static IEnumerable<Cells> Meta(LedgerMeta m)
    {
        (string Key, string? Value)[] pairs =
        [
            ("as_of", Date(m.AsOf)),
            ("tenant", m.Tenant),
            ("currency", m.Currency),
            ("seller_province", Code(m.SellerProvince)),
            ("seller_gst_hst_number", m.SellerGstHstNumber),
            ("seller_qst_number", m.SellerQstNumber),
            ("seller_pst_registrations", m.SellerPstRegistrations.Count == 0 ? null : string.Join(';', m.SellerPstRegistrations.Select(Code))),
            ("date_format", m.DateFormat),
            ("language", Code<Language>(m.Language)),
        ];
        return pairs.Where(p => p.Value is not null).Select(p => Row(p.Key, p.Value));
    }

    private static Cells Row(params XlsxCell[] cells) => cells;

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Code<TEnum>(TEnum value) where TEnum : struct, Enum => LedgerVocabulary.ToCode(value);

    private static string? Code<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? LedgerVocabulary.ToCode(v) : null;

    private static string? Bool(bool? value) => value is { } v ? (v ? "true" : "false") : null;

    private static string? Join(IReadOnlyList<string> values) => values.Count == 0 ? null : string.Join(';', values);
}
