namespace Allometry.Core.Postgres.Imports;

using Allometry.Core.Postgres.Imports.Staging;

/// <summary>
/// The write-time facts a tenant's first import builds once, set-based, after its last merge,
/// instead of through the triggers each of its statements would fire: the project totals (0019,
/// deferred by 0024's setting) and, when the tenant has no payment stored either, everything its
/// payment applications feed (0025): each payment's applied amount (written with the payment),
/// the project totals' deposit and third-party columns, and the invoices paid before Nova Scotia's
/// rate change. Both settings are the transaction's own (<c>set_config(..., true)</c>).
/// </summary>
internal sealed class FirstImportFacts
{
    /// <summary>Names the tenant whose projects and quotes skip their project-totals trigger (0024).</summary>
    private const string ProjectTotalsPending = "allometry.project_totals_pending";

    /// <summary>Set while the tenant's applications skip the facts' insert triggers (0025).</summary>
    private const string ApplicationsPending = "allometry.applications_pending";

    // No invoice stored (the partition is new) means no application either: each names an invoice.
    private const string NoPaymentsSql = "SELECT NOT EXISTS (SELECT 1 FROM payments WHERE tenant_id = @tenant)";

    private FirstImportFacts(bool defersApplications) => DefersApplications = defersApplications;

    /// <summary>
    /// True when every payment and application of this import is new: the payments are inserted
    /// with their applied amounts (<see cref="PaymentsSql"/>) and the applications fire no fact trigger.
    /// </summary>
    public bool DefersApplications { get; }

    /// <summary>Defers the facts of a tenant whose invoice partition this import creates.</summary>
    public static async Task<FirstImportFacts> DeferAsync(ImportSession db)
    {
        var noPayments = await db.ScalarAsync<bool>(NoPaymentsSql, new { tenant = db.TenantId }).ConfigureAwait(false);
        await db.ExecuteAsync(
            $"SELECT set_config('{ProjectTotalsPending}', @tenant, true), set_config('{ApplicationsPending}', @applications, true)",
            new { tenant = db.TenantId, applications = noPayments ? db.TenantId : "" }).ConfigureAwait(false);
        return new FirstImportFacts(noPayments);
    }

    /// <summary>Inserts the staged payments, each with the sum of its staged applications as its applied amount.</summary>
    public static string PaymentsSql(ImportSession db) => LedgerTables.Payments.InsertAllSql(
        db.Relations[LedgerTables.Payments],
        "applied_amount",
        "coalesce(a.applied, 0)",
        $"LEFT JOIN (SELECT payment_id, sum(amount) AS applied FROM {db.Relations[LedgerTables.PaymentApplications]} GROUP BY payment_id) a ON a.payment_id = s.payment_id");

    /// <summary>Ends the deferral and builds what it deferred, from the tenant's stored rows.</summary>
    public Task RebuildAsync(ImportSession db) => db.ExecuteAsync($"""
        SELECT set_config('{ProjectTotalsPending}', '', true), set_config('{ApplicationsPending}', '', true);
        SELECT allometry_project_totals_rebuild(@tenant);
        {(DefersApplications ? "SELECT allometry_tax_early_paid_rebuild(@tenant);" : "")}
        """, new { tenant = db.TenantId });
}
