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
/// after it unless a payment received before the change was applied to it. Both are kept at write
/// time (migrations 0021, 0023): <c>invoice_tax_fits</c> counts the projects' invoices per
/// (project, payer, fit, side of the change by due date) and carries each group's place, so the
/// screen reads by index only the groups whose fit lacks their place's pattern, never the other
/// tens of thousands; <c>tax_early_paid_invoices</c> holds the invoices a payment received before
/// the change was applied to, a hundred or so due after it. The invoices without a project come
/// through their own partial index. Invoices off by no more than the tolerance are candidates too:
/// the rules decide.
/// </remarks>
public sealed class TaxScreen : IRuleScreen
{
    /// <inheritdoc />
    public IReadOnlyList<string> RuleIds { get; } = ["QstBaseError", "StaleNsRate", "TaxProvinceMismatch"];

    private const string Reviewable = "i.origin = 'workbook' AND i.status <> 'void' AND i.total >= 0 AND i.subtotal >= 0";

    // The rate change is spliced as a literal (ours, not input) so the planner matches the partial
    // index payments_before_ns_change_idx (the projectless invoices' probe), whose predicate names the same date.
    private static readonly string Change = "DATE '" + SalesTax.NsRateChange.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";

    // Every bit a fit can carry: the failing fits of a place are the values up to this without its bit.
    private static readonly int AllFits = TaxFit.Patterns.Aggregate(0, (bits, p) => bits | (ushort)p.Bit);

    private static readonly string ExpectedCte = """
        expected AS (
            SELECT * FROM unnest(@provinces::text[], @before::int[], @after::int[]) AS e(province, before_fit, after_fit)
        )
        """;

    // The groups whose fit lacks their place's pattern (read by invoice_tax_fits_place_idx: per
    // province and side of the change, the fits without that pattern's bit, an array of a few dozen
    // values), their invoices, and the invoices due on or after the change that a payment received
    // before it moved before it (tax_early_paid_invoices, ~100 at a million invoices), whose fit
    // lacks their place's pattern before the change. Invoices, not their projects: a tax finding
    // reads its invoice, project row, payer and payments, not the project's other invoices.
    private static readonly string ProjectInvoicesSql = $"""
        WITH {ExpectedCte}, failing AS (
            SELECT e.province::province AS province, s.after_change, array_agg(v::smallint) AS fits
            FROM expected e
            CROSS JOIN (VALUES (false), (true)) AS s(after_change)
            CROSS JOIN generate_series(0, @allFits) AS v
            WHERE v & CASE WHEN s.after_change THEN e.after_fit ELSE e.before_fit END = 0
            GROUP BY 1, 2
        ), groups AS (
            SELECT g.project_id, g.payer_id, g.tax_fit, g.ns_after_change
            FROM failing x
            -- OFFSET 0 keeps this an index probe per province and side: joined freely, the
            -- planner may hash every group of the tenant, which is what the index spares.
            CROSS JOIN LATERAL (
                SELECT f.project_id, f.payer_id, f.tax_fit, f.ns_after_change FROM invoice_tax_fits f
                WHERE f.tenant_id = @tenant AND f.province = x.province AND f.ns_after_change = x.after_change
                  AND f.tax_fit = ANY (x.fits)
                OFFSET 0) g
            UNION ALL
            SELECT f.project_id, f.payer_id, f.tax_fit, f.ns_after_change FROM invoice_tax_fits f
            WHERE f.tenant_id = @tenant AND f.province IS NULL
        )
        SELECT i.invoice_id
        FROM groups g
        CROSS JOIN LATERAL (
            SELECT invoice_id FROM invoices i
            WHERE i.tenant_id = @tenant AND i.project_id = g.project_id AND i.payer_id = g.payer_id AND i.tax_fit = g.tax_fit
              AND (i.due_date >= {Change}) = g.ns_after_change AND {Reviewable}
            OFFSET 0) i
        UNION
        SELECT i.invoice_id
        FROM tax_early_paid_invoices t
        JOIN invoices i ON i.tenant_id = @tenant AND i.invoice_id = t.invoice_id
        LEFT JOIN invoice_tax_fits f ON f.tenant_id = @tenant AND f.project_id = i.project_id AND f.payer_id = i.payer_id
                                    AND f.ns_after_change AND f.tax_fit = i.tax_fit
        LEFT JOIN expected e ON e.province = f.province::text
        WHERE t.tenant_id = @tenant AND t.due_after_change
          AND i.project_id IS NOT NULL AND i.due_date >= {Change} AND {Reviewable}
          AND (e.province IS NULL OR i.tax_fit & e.before_fit = 0)
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
        command.Parameters.AddWithValue("allFits", NpgsqlDbType.Integer, AllFits);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) ids.Add(reader.GetString(0));
        return ids;
    }
}
