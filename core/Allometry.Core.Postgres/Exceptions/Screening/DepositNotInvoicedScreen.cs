namespace Allometry.Core.Postgres.Exceptions.Screening;

/// <summary>
/// Screens DepositNotInvoiced: the projects of accepted quotes with deposit terms, past the grace
/// period, whose project has no deposit invoice that is not void — the rule's condition exactly.
/// </summary>
/// <remarks>
/// The grace is counted in business days (Monday–Friday) after the acceptance day; the latest
/// acceptance date already past it is worked out here (<see cref="LatestLateAcceptance"/>) so the
/// statement compares a date with the earliest acceptance of a quote with deposit terms, which
/// <c>project_totals</c> (0019) keeps per project with its count of non-void deposit invoices:
/// a project whose deposit was invoiced is never a candidate.
/// </remarks>
public sealed class DepositNotInvoicedScreen : IRuleScreen
{
    /// <inheritdoc />
    public IReadOnlyList<string> RuleIds { get; } = ["DepositNotInvoiced"];

    private const string Sql = """
        SELECT project_id
        FROM project_totals
        WHERE tenant_id = @tenant AND deposits = 0 AND NOT closed AND first_deposit_quote_on IS NOT NULL
          AND (@cutoff::date IS NULL OR first_deposit_quote_on <= @cutoff::date)
        """;

    /// <inheritdoc />
    public Task<ScreenResult> RunAsync(Npgsql.NpgsqlConnection connection, ScreenContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cutoff = LatestLateAcceptance(context.AsOf, context.Settings.DepositInvoiceGraceBusinessDays);
        return RunAsync(connection, context.TenantId, cutoff, ct);
    }

    private static async Task<ScreenResult> RunAsync(Npgsql.NpgsqlConnection connection, string tenant, DateOnly? cutoff, CancellationToken ct) =>
        ScreenResult.OfProjects(await ProjectScreenQuery.IdsAsync(connection, Sql, new { tenant, cutoff }, ct).ConfigureAwait(false));

    /// <summary>
    /// The latest acceptance date with more than <paramref name="grace"/> business days between it
    /// and <paramref name="asOf"/> (days after the acceptance up to and including the as-of date),
    /// as the rule counts them; null when every date is (a negative grace).
    /// </summary>
    /// <remarks>Business days are counted back from the as-of date: the (grace + 1)-th weekday back is the first day a later acceptance would not reach.</remarks>
    internal static DateOnly? LatestLateAcceptance(DateOnly asOf, int grace)
    {
        if (grace < 0) return null;
        var day = asOf;
        var counted = 0;
        while (true)
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && ++counted == grace + 1)
            {
                return day.AddDays(-1);
            }
            day = day.AddDays(-1);
        }
    }
}
