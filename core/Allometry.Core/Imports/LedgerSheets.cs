namespace Allometry.Core.Imports;

/// <summary>The sheet names of the import contract (shared/brief/import-format.md).</summary>
public static class LedgerSheets
{
    public const string Meta = "meta";
    public const string Payers = "payers";
    public const string EntityLinks = "entity_links";
    public const string Projects = "projects";
    public const string Deliveries = "deliveries";
    public const string Quotes = "quotes";
    public const string Invoices = "invoices";
    public const string Payments = "payments";
    public const string PaymentApplications = "payment_applications";
    public const string Retainage = "retainage";
    public const string ServiceContracts = "service_contracts";
    public const string Promises = "promises";
    public const string BankTransactions = "bank_transactions";

    /// <summary>Sheets that must be present in a ledger workbook.</summary>
    public static readonly IReadOnlyList<string> Required = [Meta, Payers, Invoices];

    /// <summary>Every sheet, in the order a consumer reads them (referenced before referencing).</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Meta, Payers, EntityLinks, Projects, Deliveries, Quotes, Invoices, Payments,
        PaymentApplications, Retainage, ServiceContracts, Promises, BankTransactions,
    ];
}
