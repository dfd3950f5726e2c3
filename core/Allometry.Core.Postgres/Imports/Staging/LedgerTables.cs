namespace Allometry.Core.Postgres.Imports.Staging;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>
/// The sheets of the import contract, in <see cref="LedgerSheets.All"/> order (referenced sheets
/// before the sheets that reference them), with how each record is written.
/// </summary>
internal static class LedgerTables
{
    private const string Id = "text COLLATE \"C\"";
    private const string Money = "numeric(14,2)";
    private const string Pct = "numeric(7,4)";

    public static readonly LedgerTable<Payer> Payers = new()
    {
        Sheet = LedgerSheets.Payers, Table = "payers", Noun = "payer",
        Key = ["payer_id"],
        Columns =
        [
            new("payer_id", Id), new("name", "text"), new("aliases", "text[]"), new("province", "text"),
            new("gst_hst_number", "text"), new("qst_number", "text"), new("credit_limit", Money),
            new("language", "text"), new("email", "text"),
        ],
        Rows = b => b.Payers, Source = r => r.Source,
        Write = static (w, r) =>
        {
            w.Id(r.PayerId, "payer_id"); w.RequiredText(r.Name, "name"); w.TextList(r.Aliases); w.Code(r.Province);
            w.Text(r.GstHstNumber); w.Text(r.QstNumber); w.Money(r.CreditLimit, "credit_limit");
            w.Code<Language>(r.Language); w.Text(r.Email);
        },
    };

    public static readonly LedgerTable<EntityLink> EntityLinks = new()
    {
        Sheet = LedgerSheets.EntityLinks, Table = "entity_links", Noun = "entity link",
        Key = ["from_payer_id", "to_payer_id", "kind"],
        Columns = [new("from_payer_id", Id), new("to_payer_id", Id), new("kind", "text"), new("effective_date", "date"), new("note", "text")],
        References = [new("from_payer_id", LedgerSheets.Payers), new("to_payer_id", LedgerSheets.Payers)],
        Rows = b => b.EntityLinks, Source = r => r.Source,
        Write = static (w, r) =>
        {
            w.Id(r.FromPayerId, "from_payer_id"); w.Id(r.ToPayerId, "to_payer_id"); w.Code(r.Kind);
            w.Date(r.EffectiveDate); w.Text(r.Note);
        },
    };

    public static readonly LedgerTable<Project> Projects = new()
    {
        Sheet = LedgerSheets.Projects, Table = "projects", Noun = "project",
        Key = ["project_id"],
        Columns =
        [
            new("project_id", Id), new("name", "text"), new("site_province", "text"), new("site_city", "text"),
            new("pm_email", "text"), new("contract_payer_id", Id), new("current_payer_id", Id),
            new("supply_type", "text"), new("deposit_pct", Pct), new("retainage_pct", Pct), new("release_rule", "text"),
            new("release_days", "integer"), new("contract_date", "date"), new("csp_published_on", "date"),
            new("reception_on", "date"), new("fin_travaux_on", "date"), new("completed_on", "date"), new("status", "text"),
        ],
        References = [new("contract_payer_id", LedgerSheets.Payers), new("current_payer_id", LedgerSheets.Payers)],
        Rows = b => b.Projects, Source = r => r.Source,
        Write = static (w, r) =>
        {
            w.Id(r.ProjectId, "project_id"); w.RequiredText(r.Name, "name"); w.Code(r.SiteProvince); w.Text(r.SiteCity);
            w.Text(r.PmEmail); w.Id(r.ContractPayerId, "contract_payer_id"); w.OptionalId(r.CurrentPayerId);
            w.Code(r.SupplyType); w.Percentage(r.DepositPct, "deposit_pct"); w.Percentage(r.RetainagePct, "retainage_pct");
            w.Code(r.ReleaseRule); w.Integer(r.ReleaseDays); w.Date(r.ContractDate); w.Date(r.CspPublishedOn);
            w.Date(r.ReceptionOn); w.Date(r.FinTravauxOn); w.Date(r.CompletedOn); w.Code(r.Status);
        },
    };

    public static readonly LedgerTable<Delivery> Deliveries = new()
    {
        Sheet = LedgerSheets.Deliveries, Table = "deliveries", Noun = "delivery",
        Key = ["project_id", "milestone"],
        Columns = [new("project_id", Id), new("milestone", "text"), new("scheduled_on", "date"), new("delivered_on", "date"), new("status", "text")],
        References = [new("project_id", LedgerSheets.Projects)],
        Rows = b => b.Deliveries, Source = r => r.Source,
        Write = static (w, r) =>
        {
            w.Id(r.ProjectId, "project_id"); w.Id(r.Milestone, "milestone"); w.Date(r.ScheduledOn);
            w.Date(r.DeliveredOn); w.Code(r.Status);
        },
    };

    public static readonly LedgerTable<Quote> Quotes = new()
    {
        Sheet = LedgerSheets.Quotes, Table = "quotes", Noun = "quote",
        Key = ["quote_id"],
        Columns =
        [
            new("quote_id", Id), new("project_id", Id), new("payer_id", Id), new("quote_date", "date"),
            new("accepted_on", "date"), new("total_ex_tax", Money), new("deposit_pct", Pct), new("status", "text"),
        ],
        References = [new("project_id", LedgerSheets.Projects), new("payer_id", LedgerSheets.Payers)],
        Rows = b => b.Quotes, Source = r => r.Source,
        Write = static (w, r) =>
        {
            w.Id(r.QuoteId, "quote_id"); w.Id(r.ProjectId, "project_id"); w.OptionalId(r.PayerId); w.Date(r.QuoteDate);
            w.Date(r.AcceptedOn); w.Money(r.TotalExTax, "total_ex_tax"); w.Percentage(r.DepositPct, "deposit_pct"); w.Code(r.Status);
        },
    };

    public static readonly LedgerTable<Invoice> Invoices = new()
    {
        Sheet = LedgerSheets.Invoices, Table = "invoices", Noun = "invoice",
        Key = ["invoice_id"],
        Columns =
        [
            new("invoice_id", Id), new("payer_id", Id), new("project_id", Id), new("kind", "text"),
            new("issue_date", "date"), new("due_date", "date"), new("subtotal", Money), new("gst", Money),
            new("hst", Money), new("qst", Money), new("pst", Money), new("total", Money), new("balance", Money),
            new("retainage_held", Money), new("tax_province", "text"), new("registration_numbers", "text"),
            new("currency", "char(3)"), new("status", "text"), new("origin", "text"),
        ],
        References = [new("payer_id", LedgerSheets.Payers), new("project_id", LedgerSheets.Projects)],
        Rows = b => b.Invoices, Source = r => r.Source,
        Write = static (w, r) =>
        {
            w.Id(r.InvoiceId, "invoice_id"); w.Id(r.PayerId, "payer_id"); w.OptionalId(r.ProjectId); w.Code(r.Kind);
            w.Date(r.IssueDate); w.Date(r.DueDate); w.Money(r.Subtotal, "subtotal"); w.Money(r.Gst, "gst");
            w.Money(r.Hst, "hst"); w.Money(r.Qst, "qst"); w.Money(r.Pst, "pst"); w.Money(r.Total, "total");
            w.Money(r.Balance, "balance"); w.Money(r.RetainageHeld, "retainage_held"); w.Code(r.TaxProvince);
            w.Text(r.RegistrationNumbers); w.Currency(r.Currency, "currency"); w.Code(r.Status); w.Code(r.Origin);
        },
    };

    public static readonly LedgerTable<Payment> Payments = new()
    {
        Sheet = LedgerSheets.Payments, Table = "payments", Noun = "payment",
        Key = ["payment_id"],
        Columns =
        [
            new("payment_id", Id), new("payer_id", Id), new("received_on", "date"), new("amount", Money),
            new("reference", "text"), new("method", "text"),
        ],
        References = [new("payer_id", LedgerSheets.Payers)],
        Rows = b => b.Payments, Source = r => r.Source,
        Write = static (w, r) =>
        {
            w.Id(r.PaymentId, "payment_id"); w.Id(r.PayerId, "payer_id"); w.Date(r.ReceivedOn);
            w.Money(r.Amount, "amount"); w.Text(r.Reference); w.Text(r.Method);
        },
    };

    public static readonly LedgerTable<PaymentApplication> PaymentApplications = new()
    {
        Sheet = LedgerSheets.PaymentApplications, Table = "payment_applications", Noun = "payment application",
        Key = ["payment_id", "invoice_id"],
        Columns = [new("payment_id", Id), new("invoice_id", Id), new("amount", Money)],
        References = [new("payment_id", LedgerSheets.Payments), new("invoice_id", LedgerSheets.Invoices)],
        Rows = b => b.PaymentApplications, Source = r => r.Source,
        Write = static (w, r) =>
        {
            w.Id(r.PaymentId, "payment_id"); w.Id(r.InvoiceId, "invoice_id"); w.Money(r.Amount, "amount");
        },
    };

    public static readonly LedgerTable<RetainageHold> Retainage = new()
    {
        Sheet = LedgerSheets.Retainage, Table = "retainage_holds", Noun = "retainage hold",
        Key = ["project_id", "invoice_id"],
        Columns =
        [
            new("project_id", Id), new("invoice_id", Id, Nullable: true), new("held_amount", Money), new("release_due_on", "date"),
            new("released_on", "date"), new("release_invoice_id", Id), new("collected_on", "date"),
        ],
        References =
        [
            new("project_id", LedgerSheets.Projects), new("invoice_id", LedgerSheets.Invoices), new("release_invoice_id", LedgerSheets.Invoices),
        ],
        Rows = b => b.Retainage, Source = r => r.Source,
        Write = static (w, r) =>
        {
            w.Id(r.ProjectId, "project_id"); w.OptionalId(r.InvoiceId); w.Money(r.HeldAmount, "held_amount");
            w.Date(r.ReleaseDueOn); w.Date(r.ReleasedOn); w.OptionalId(r.ReleaseInvoiceId); w.Date(r.CollectedOn);
        },
    };

    public static readonly LedgerTable<ServiceContract> ServiceContracts = new()
    {
        Sheet = LedgerSheets.ServiceContracts, Table = "service_contracts", Noun = "service contract",
        Key = ["contract_id"],
        Columns =
        [
            new("contract_id", Id), new("payer_id", Id), new("project_id", Id), new("annual_fee", Money),
            new("renewal_date", "date"), new("service_active", "boolean"), new("last_renewal_invoice_id", Id),
        ],
        References =
        [
            new("payer_id", LedgerSheets.Payers), new("project_id", LedgerSheets.Projects), new("last_renewal_invoice_id", LedgerSheets.Invoices),
        ],
        Rows = b => b.ServiceContracts, Source = r => r.Source,
        Write = static (w, r) =>
        {
            w.Id(r.ContractId, "contract_id"); w.Id(r.PayerId, "payer_id"); w.OptionalId(r.ProjectId);
            w.Money(r.AnnualFee, "annual_fee"); w.Date(r.RenewalDate); w.Boolean(r.ServiceActive); w.OptionalId(r.LastRenewalInvoiceId);
        },
    };

    public static readonly LedgerTable<PaymentPromise> Promises = new()
    {
        Sheet = LedgerSheets.Promises, Table = "promises", Noun = "promise",
        Key = ["payer_id", "invoice_id", "promised_on"],
        Columns =
        [
            new("payer_id", Id), new("invoice_id", Id, Nullable: true), new("promised_on", "date"),
            new("promised_amount", Money), new("recorded_on", "date"),
        ],
        References = [new("payer_id", LedgerSheets.Payers), new("invoice_id", LedgerSheets.Invoices)],
        Rows = b => b.Promises, Source = r => r.Source,
        Write = static (w, r) =>
        {
            w.Id(r.PayerId, "payer_id"); w.OptionalId(r.InvoiceId); w.Date(r.PromisedOn);
            w.Money(r.PromisedAmount, "promised_amount"); w.Date(r.RecordedOn);
        },
    };

    public static readonly LedgerTable<BankTransaction> BankTransactions = new()
    {
        Sheet = LedgerSheets.BankTransactions, Table = "bank_transactions", Noun = "bank transaction",
        Key = ["transaction_id"],
        Columns =
        [
            new("transaction_id", Id), new("posted_on", "date"), new("amount", Money), new("description", "text"),
            new("reference", "text"), new("account", "text"),
        ],
        Rows = b => b.BankTransactions, Source = r => r.Source,
        Write = static (w, r) =>
        {
            w.OptionalId(r.TransactionId); w.Date(r.PostedOn); w.Money(r.Amount, "amount");
            w.Text(r.Description); w.Text(r.Reference); w.Text(r.Account);
        },
    };

    /// <summary>Every sheet with records, in the order they are read, checked and merged.</summary>
    public static readonly IReadOnlyList<LedgerTable> All =
    [
        Payers, EntityLinks, Projects, Deliveries, Quotes, Invoices, Payments,
        PaymentApplications, Retainage, ServiceContracts, Promises, BankTransactions,
    ];

    public static LedgerTable BySheet(string sheet) => All.Single(t => t.Sheet == sheet);

    // Statements without a transaction id get a stable one from their content; the n-th identical
    // line of a statement gets "#n", so re-importing the statement finds the same rows again.
    public const string DeriveBankTransactionIdsSql = """
        UPDATE stg_bank_transactions s SET transaction_id = d.id
        FROM (
            SELECT ctid,
                   'auto:' || left(md5(format('%s|%s|%s|%s|%s', posted_on, amount, description, reference, account)), 20)
                   || CASE WHEN row_number() OVER w > 1 THEN '#' || row_number() OVER w ELSE '' END AS id
            FROM stg_bank_transactions
            WHERE transaction_id IS NULL
            WINDOW w AS (PARTITION BY posted_on, amount, description, reference, account ORDER BY src_index, src_row)
        ) d
        WHERE s.ctid = d.ctid
        """;
}
