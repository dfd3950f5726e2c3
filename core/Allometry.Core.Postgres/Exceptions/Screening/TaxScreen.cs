namespace Allometry.Core.Postgres.Exceptions.Screening;

using System.Globalization;
using Allometry.Core.Ledger;
using Allometry.Core.Tax;
using Npgsql;
using NpgsqlTypes;

/// <summary>
/// Screens the three sales-tax rules (QstBaseError, StaleNsRate, TaxProvinceMismatch): the
/// reviewable invoices (TaxReviewer.IsReviewable) whose stored fit (<c>invoices.tax_fit</c>, see
/// <see cref="TaxFit"/>) lacks the pattern expected at their place of supply and tax date. It
/// names invoices, not projects: the rules read an invoice with its project row, payer and payments.
/// </summary>
/// <remarks>
/// The place is TaxReviewer's: the project's site, or the payer's province for a service project
/// when the payer has one; the printed province for an invoice without a project. Only the date
/// class matters for the tax date (rates change on <see cref="TaxFit.RateChanges"/>, Nova Scotia's
/// cut): an invoice due before the change is taxed before it; one due on or after it is taxed
/// after it unless a payment received before the change was applied to it — those few invoices
/// are read from the payments side (a partial index on payments received before the change).
/// The projects' invoices are read as <c>invoice_tax_fits</c>, their counts per (project, payer,
/// fit, side of the change) kept at write time (migration 0021), a few rows a project instead of
/// every invoice; the invoices without a project through their own partial index. Invoices off by
/// no more than the tolerance are candidates too: the rules decide.
/// </remarks>
public sealed class TaxScreen : IRuleScreen
{
    /// <inheritdoc />
    public IReadOnlyList<string> RuleIds { get; } = ["QstBaseError", "StaleNsRate", "TaxProvinceMismatch"];

    private const string Reviewable = "i.origin = 'workbook' AND i.status <> 'void' AND i.total >= 0 AND i.subtotal >= 0";

    // The rate change is spliced as a literal (ours, not input) so the planner matches the partial
    // index payments_before_ns_change_idx, whose predicate names the same date.
    private static readonly string Change = "DATE '" + SalesTax.NsRateChange.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";

    private static readonly string ExpectedCte = """
        expected AS (
            SELECT * FROM unnest(@provinces::text[], @before::int[], @after::int[]) AS e(province, before_fit, after_fit)
        )
        """;

    // The invoices of the groups whose fit lacks the expected pattern, and the invoices paid
    // before the change whose fit lacks the pattern before it. Invoices, not their projects: a tax
    // finding reads its invoice, project row, payer and payments, not the project's other invoices.
    private static readonly string ProjectInvoicesSql = $"""
        WITH {ExpectedCte}, places AS (
            SELECT f.project_id, f.payer_id, f.tax_fit, f.ns_after_change, e.before_fit, e.after_fit,
                   e.province IS NULL AS unplaced
            FROM invoice_tax_fits f
            LEFT JOIN projects pr ON pr.tenant_id = @tenant AND pr.project_id = f.project_id
            LEFT JOIN payers py ON pr.supply_type = 'service' AND py.tenant_id = @tenant AND py.payer_id = f.payer_id
            LEFT JOIN expected e ON e.province = coalesce(py.province, pr.site_province)
            WHERE f.tenant_id = @tenant
        ), groups AS (
            SELECT project_id, payer_id, tax_fit, ns_after_change FROM places
            WHERE unplaced
               OR (ns_after_change AND tax_fit & after_fit = 0)
               OR (NOT ns_after_change AND tax_fit & before_fit = 0)
        ), early AS (
            SELECT DISTINCT i.invoice_id, i.project_id, i.payer_id, i.tax_fit
            FROM payments p
            -- OFFSET 0 keeps this a per-payment probe of the applications' primary key: joined
            -- freely, the planner hashes every application of the tenant for a few thousand payments.
            CROSS JOIN LATERAL (
                SELECT a.invoice_id FROM payment_applications a
                WHERE a.tenant_id = p.tenant_id AND a.payment_id = p.payment_id AND a.amount <> 0
                OFFSET 0) a
            JOIN invoices i ON i.tenant_id = p.tenant_id AND i.invoice_id = a.invoice_id
            WHERE p.tenant_id = @tenant AND p.received_on < {Change}
              AND i.project_id IS NOT NULL AND i.due_date >= {Change} AND {Reviewable}
        )
        SELECT i.invoice_id
        FROM groups g
        CROSS JOIN LATERAL (
            SELECT invoice_id FROM invoices i
            WHERE i.tenant_id = @tenant AND i.project_id = g.project_id AND i.payer_id = g.payer_id AND i.tax_fit = g.tax_fit
              AND (i.due_date >= {Change}) = g.ns_after_change AND {Reviewable}
            OFFSET 0) i
        UNION
        SELECT y.invoice_id
        FROM early y
        JOIN places p ON p.project_id = y.project_id AND p.payer_id = y.payer_id AND p.tax_fit = y.tax_fit AND p.ns_after_change
        WHERE p.unplaced OR y.tax_fit & p.before_fit = 0
        """;

    private static readonly string InvoicesSql = $"""
        WITH {ExpectedCte}
        SELECT i.invoice_id
        FROM invoices i
        LEFT JOIN expected e ON e.province = i.tax_province
        WHERE i.tenant_id = @tenant AND i.project_id IS NULL AND i.tax_province IS NOT NULL AND {Reviewable}
          AND (e.province IS NULL
               OR (i.due_date >= {Change} AND i.tax_fit & e.after_fit = 0)
               OR (i.due_date < {Change} AND i.tax_fit & e.before_fit = 0)
               OR (i.tax_fit & e.before_fit = 0 AND EXISTS (
                       SELECT 1 FROM payment_applications a
                       JOIN payments p ON p.tenant_id = a.tenant_id AND p.payment_id = a.payment_id
                       WHERE a.tenant_id = @tenant AND a.invoice_id = i.invoice_id AND a.amount <> 0
                         AND p.received_on < {Change})))
        """;

    /// <inheritdoc />
    public async Task<ScreenResult> RunAsync(NpgsqlConnection connection, ScreenContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(context);
        if (TaxFit.RateChanges is not [var change] || change != SalesTax.NsRateChange)
        {
            // The SQL classes tax dates around one change; a second one needs another class.
            throw new InvalidOperationException("TaxScreen handles exactly one rate change (SalesTax.NsRateChange).");
        }

        var provinces = Enum.GetValues<Province>();
        var codes = provinces.Select(LedgerVocabulary.ToCode).ToArray();
        var before = provinces.Select(p => (int)TaxFit.Expected(p, change.AddDays(-1), context.SellerPstRegistrations.Contains(p))).ToArray();
        var after = provinces.Select(p => (int)TaxFit.Expected(p, change, context.SellerPstRegistrations.Contains(p))).ToArray();

        var ofProjects = await ReadAsync(connection, ProjectInvoicesSql, context.TenantId, codes, before, after, ct).ConfigureAwait(false);
        var projectless = await ReadAsync(connection, InvoicesSql, context.TenantId, codes, before, after, ct).ConfigureAwait(false);
        return new ScreenResult([], [.. ofProjects.Concat(projectless).Distinct(StringComparer.Ordinal)]);
    }

    private static async Task<List<string>> ReadAsync(
        NpgsqlConnection connection, string sql, string tenantId, string[] provinces, int[] before, int[] after, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("provinces", NpgsqlDbType.Array | NpgsqlDbType.Text, provinces);
        command.Parameters.AddWithValue("before", NpgsqlDbType.Array | NpgsqlDbType.Integer, before);
        command.Parameters.AddWithValue("after", NpgsqlDbType.Array | NpgsqlDbType.Integer, after);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) ids.Add(reader.GetString(0));
        return ids;
    }
}
