namespace Allometry.Core.Postgres.Ledger;

using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Npgsql;

// One query per sheet, in the order LoadAsync reads them, and the reader of its rows: column
// positions are shared by the two, so each pair sits together. Codes are cast to text (the
// columns are domains over text) so the reader never depends on how a domain is reported.
public sealed partial class LedgerSnapshotStore
{
    // The sheets LoadAsync reads on its first connection; invoices, payments, applications and
    // holds come by COPY (LedgerSnapshotStore.Copy.cs).
    private static readonly string[] SmallSheetSql =
    [
        PayersSql, EntityLinksSql, ProjectsSql, DeliveriesSql, QuotesSql, ContractsSql, PromisesSql, BankSql,
    ];

    private const string PayersColumns = """
        payer_id, name, aliases, province::text, gst_hst_number, qst_number, credit_limit, language::text, email
        """;

    private const string PayersSql = $"""
        SELECT {PayersColumns}
        FROM payers WHERE tenant_id = $1 ORDER BY payer_id
        """;

    private static Payer ReadPayer(NpgsqlDataReader r) => new()
    {
        PayerId = r.GetString(0),
        Name = r.GetString(1),
        Aliases = r.GetFieldValue<string[]>(2),
        Province = Code<Province>(r, 3),
        GstHstNumber = Text(r, 4),
        QstNumber = Text(r, 5),
        CreditLimit = Money(r, 6),
        Language = Code<Language>(r, 7),
        Email = Text(r, 8),
    };

    private const string EntityLinksColumns = """
        from_payer_id, to_payer_id, kind::text, effective_date, note
        """;

    private const string EntityLinksSql = $"""
        SELECT {EntityLinksColumns}
        FROM entity_links WHERE tenant_id = $1 ORDER BY from_payer_id, to_payer_id, kind
        """;

    private static EntityLink ReadEntityLink(NpgsqlDataReader r) => new()
    {
        FromPayerId = r.GetString(0),
        ToPayerId = r.GetString(1),
        Kind = Codes<EntityLinkKind>.Of(r.GetString(2)),
        EffectiveDate = Date(r, 3),
        Note = Text(r, 4),
    };

    private const string ProjectsColumns = """
        project_id, name, site_province::text, site_city, pm_email, contract_payer_id, current_payer_id,
               supply_type::text, deposit_pct, retainage_pct, release_rule::text, release_days, contract_date,
               csp_published_on, reception_on, fin_travaux_on, completed_on, status::text
        """;

    private const string ProjectsSql = $"""
        SELECT {ProjectsColumns}
        FROM projects WHERE tenant_id = $1 ORDER BY project_id
        """;

    private static Project ReadProject(NpgsqlDataReader r) => new()
    {
        ProjectId = r.GetString(0),
        Name = r.GetString(1),
        SiteProvince = Codes<Province>.Of(r.GetString(2)),
        SiteCity = Text(r, 3),
        PmEmail = Text(r, 4),
        ContractPayerId = r.GetString(5),
        CurrentPayerId = Text(r, 6),
        SupplyType = Code<SupplyType>(r, 7),
        DepositPct = Money(r, 8),
        RetainagePct = Money(r, 9),
        ReleaseRule = Code<ReleaseRule>(r, 10),
        ReleaseDays = Integer(r, 11),
        ContractDate = Date(r, 12),
        CspPublishedOn = Date(r, 13),
        ReceptionOn = Date(r, 14),
        FinTravauxOn = Date(r, 15),
        CompletedOn = Date(r, 16),
        Status = Code<ProjectStatus>(r, 17),
    };

    private const string DeliveriesColumns = """
        project_id, milestone, scheduled_on, delivered_on, status::text
        """;

    private const string DeliveriesSql = $"""
        SELECT {DeliveriesColumns}
        FROM deliveries WHERE tenant_id = $1 ORDER BY project_id, milestone
        """;

    private static Delivery ReadDelivery(NpgsqlDataReader r) => new()
    {
        ProjectId = r.GetString(0),
        Milestone = r.GetString(1),
        ScheduledOn = r.GetFieldValue<DateOnly>(2),
        DeliveredOn = Date(r, 3),
        Status = Code<DeliveryStatus>(r, 4),
    };

    private const string QuotesColumns = """
        quote_id, project_id, payer_id, quote_date, accepted_on, total_ex_tax, deposit_pct, status::text
        """;

    private const string QuotesSql = $"""
        SELECT {QuotesColumns}
        FROM quotes WHERE tenant_id = $1 ORDER BY quote_id
        """;

    private static Quote ReadQuote(NpgsqlDataReader r) => new()
    {
        QuoteId = r.GetString(0),
        ProjectId = r.GetString(1),
        PayerId = Text(r, 2),
        QuoteDate = Date(r, 3),
        AcceptedOn = Date(r, 4),
        TotalExTax = r.GetDecimal(5),
        DepositPct = Money(r, 6),
        Status = Code<QuoteStatus>(r, 7),
    };

    private const string InvoicesColumns = """
        invoice_id, payer_id, project_id, kind::text, issue_date, due_date, subtotal, gst, hst, qst, pst,
               total, balance, retainage_held, tax_province::text, registration_numbers, currency::text,
               status::text, origin::text
        """;

    private static Invoice ReadInvoice(NpgsqlDataReader r, StringPool pool) => new()
    {
        InvoiceId = r.GetString(0),
        PayerId = pool.Get(r.GetString(1)),
        ProjectId = Pooled(r, 2, pool),
        Kind = Codes<InvoiceKind>.Of(r.GetString(3)),
        IssueDate = r.GetFieldValue<DateOnly>(4),
        DueDate = r.GetFieldValue<DateOnly>(5),
        Subtotal = r.GetDecimal(6),
        Gst = r.GetDecimal(7),
        Hst = r.GetDecimal(8),
        Qst = r.GetDecimal(9),
        Pst = r.GetDecimal(10),
        Total = r.GetDecimal(11),
        Balance = r.GetDecimal(12),
        RetainageHeld = r.GetDecimal(13),
        TaxProvince = Code<Province>(r, 14),
        RegistrationNumbers = Pooled(r, 15, pool),
        Currency = pool.Get(r.GetString(16)),
        Status = Codes<InvoiceStatus>.Of(r.GetString(17)),
        Origin = Codes<InvoiceOrigin>.Of(r.GetString(18)),
    };

    private const string PaymentsColumns = """
        payment_id, payer_id, received_on, amount, reference, method
        """;

    private static Payment ReadPayment(NpgsqlDataReader r, StringPool pool) => new()
    {
        PaymentId = r.GetString(0),
        PayerId = pool.Get(r.GetString(1)),
        ReceivedOn = r.GetFieldValue<DateOnly>(2),
        Amount = r.GetDecimal(3),
        Reference = Text(r, 4),
        Method = Pooled(r, 5, pool),
    };

    private const string ApplicationsColumns = """
        payment_id, invoice_id, amount
        """;

    private static PaymentApplication ReadApplication(NpgsqlDataReader r) => new()
    {
        PaymentId = r.GetString(0),
        InvoiceId = r.GetString(1),
        Amount = r.GetDecimal(2),
    };

    private const string RetainageColumns = """
        project_id, invoice_id, held_amount, release_due_on, released_on, release_invoice_id, collected_on
        """;

    private static RetainageHold ReadHold(NpgsqlDataReader r) => new()
    {
        ProjectId = r.GetString(0),
        InvoiceId = Text(r, 1),
        HeldAmount = r.GetDecimal(2),
        ReleaseDueOn = Date(r, 3),
        ReleasedOn = Date(r, 4),
        ReleaseInvoiceId = Text(r, 5),
        CollectedOn = Date(r, 6),
    };

    private const string ContractsColumns = """
        contract_id, payer_id, project_id, annual_fee, renewal_date, service_active, last_renewal_invoice_id
        """;

    private const string ContractsSql = $"""
        SELECT {ContractsColumns}
        FROM service_contracts WHERE tenant_id = $1 ORDER BY contract_id
        """;

    private static ServiceContract ReadContract(NpgsqlDataReader r) => new()
    {
        ContractId = r.GetString(0),
        PayerId = r.GetString(1),
        ProjectId = Text(r, 2),
        AnnualFee = r.GetDecimal(3),
        RenewalDate = r.GetFieldValue<DateOnly>(4),
        ServiceActive = Boolean(r, 5),
        LastRenewalInvoiceId = Text(r, 6),
    };

    private const string PromisesColumns = """
        payer_id, invoice_id, promised_on, promised_amount, recorded_on
        """;

    // The ledger's promises and those recorded in chat (0006 chat_promises, which imports never
    // replace), so the score's broken-promise factor reads both; an identical pair counts once.
    private const string PromisesSql = $"""
        SELECT {PromisesColumns}
        FROM (SELECT {PromisesColumns} FROM promises WHERE tenant_id = $1
              UNION
              SELECT {PromisesColumns} FROM chat_promises WHERE tenant_id = $1) p
        ORDER BY payer_id, invoice_id NULLS FIRST, promised_on
        """;

    private static PaymentPromise ReadPromise(NpgsqlDataReader r) => new()
    {
        PayerId = r.GetString(0),
        InvoiceId = Text(r, 1),
        PromisedOn = r.GetFieldValue<DateOnly>(2),
        PromisedAmount = r.GetDecimal(3),
        RecordedOn = Date(r, 4),
    };

    private const string BankColumns = """
        transaction_id, posted_on, amount, description, reference, account
        """;

    private const string BankSql = $"""
        SELECT {BankColumns}
        FROM bank_transactions WHERE tenant_id = $1
        """;

    private static BankTransaction ReadBankTransaction(NpgsqlDataReader r) => new()
    {
        TransactionId = r.GetString(0),
        PostedOn = r.GetFieldValue<DateOnly>(1),
        Amount = r.GetDecimal(2),
        Description = Text(r, 3),
        Reference = Text(r, 4),
        Account = Text(r, 5),
    };
}
