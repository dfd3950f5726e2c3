namespace Allometry.Core.Postgres.Exceptions.Screening;

/// <summary>
/// Screens QuoteInvoiceVariance with the rule's own comparison: quoted (Σ total before tax of the
/// accepted quotes) against invoiced (Σ subtotal + retainage held of the project's invoices that
/// are neither void nor retainage releases), with the same rounded bounds.
/// </summary>
/// <remarks>
/// Completed (closed, completed on or before the as-of date, or with a counted final invoice):
/// below the leakage floor or above quoted + max(minimum, %). Otherwise: above the drift ceiling.
/// Percentages are rounded to the cent half away from zero (numeric <c>round</c>), as the rule
/// rounds them. Quoted, invoiced and what completes a project are kept per project in
/// <c>project_totals</c> (0019) — summing them here would cost one pass over every invoice, the
/// whole evaluation's floor — with the ratio invoiced / quoted indexed: only projects billed far
/// from their quote are compared.
/// </remarks>
public sealed class QuoteInvoiceVarianceScreen : IRuleScreen
{
    /// <inheritdoc />
    public IReadOnlyList<string> RuleIds { get; } = ["QuoteInvoiceVariance"];

    // The exact comparison, on project_totals row t.
    private const string Strays = """
        CASE WHEN t.closed OR coalesce(t.completed_on <= @asOf, false) OR t.finals > 0
             THEN t.invoiced < round(t.quoted * @leakage / 100, 2)
                  OR t.invoiced > t.quoted + greatest(@overbillMinimum, round(t.quoted * @overbill / 100, 2))
             ELSE t.invoiced > t.quoted + round(t.quoted * @drift / 100, 2)
        END
        """;

    // Three index ranges hold every straying project (see RunAsync for the bounds); the exact
    // comparison then drops the rest.
    private static readonly string Sql = $"""
        SELECT t.project_id FROM project_totals t
        WHERE t.tenant_id = @tenant AND t.billed_ratio IS NOT NULL AND t.billed_ratio > @high AND {Strays}
        UNION
        SELECT t.project_id FROM project_totals t
        WHERE t.tenant_id = @tenant AND t.billed_ratio IS NOT NULL AND t.completed_from <= @asOf AND t.billed_ratio < @low AND {Strays}
        UNION
        SELECT t.project_id FROM project_totals t
        WHERE t.tenant_id = @tenant AND t.billed_ratio IS NOT NULL AND t.quoted < 1 AND {Strays}
        """;

    /// <inheritdoc />
    public async Task<ScreenResult> RunAsync(Npgsql.NpgsqlConnection connection, ScreenContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = context.Settings;
        // With quoted q ≥ 1 and invoiced v, rounding to the cent moves a bound by at most 0.005,
        // so leakage needs v/q < leakage % + 0.005/q and over-billing or drift v/q > 1 + % − 0.005/q
        // (the over-billing allowance is at least its percentage). A cent of margin covers the
        // ratio's own rounding; quotes under a dollar are read apart.
        var low = s.QuoteLeakagePercent / 100m + 0.01m;
        var high = 1m + Math.Min(s.QuoteOverbillPercent, s.QuoteDriftPercent) / 100m - 0.01m;
        var parameters = new
        {
            tenant = context.TenantId,
            low,
            high,
            asOf = context.AsOf,
            leakage = s.QuoteLeakagePercent,
            overbillMinimum = s.QuoteOverbillMinimum,
            overbill = s.QuoteOverbillPercent,
            drift = s.QuoteDriftPercent,
        };
        return ScreenResult.OfProjects(await ProjectScreenQuery.IdsAsync(connection, Sql, parameters, ct).ConfigureAwait(false));
    }
}
