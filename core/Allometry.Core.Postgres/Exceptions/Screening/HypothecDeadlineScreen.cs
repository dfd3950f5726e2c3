namespace Allometry.Core.Postgres.Exceptions.Screening;

/// <summary>
/// Screens HypothecDeadline: Quebec projects whose hypothec window (fin des travaux + the window
/// days) ends between the as-of date and the warning days after it — the rule's dates exactly.
/// </summary>
/// <remarks>
/// The amount owed is left to the rule: eight days of completions are a handful of projects, and
/// the rule also counts retainage not yet billed, which a project with no open invoice may still
/// hold. Read through <c>projects_fin_travaux_idx</c>.
/// </remarks>
public sealed class HypothecDeadlineScreen : IRuleScreen
{
    /// <inheritdoc />
    public IReadOnlyList<string> RuleIds { get; } = ["HypothecDeadline"];

    private const string Sql = """
        SELECT project_id
        FROM projects
        WHERE tenant_id = @tenant AND site_province = 'QC' AND fin_travaux_on IS NOT NULL
          AND fin_travaux_on BETWEEN @finFrom AND @finTo
        """;

    /// <inheritdoc />
    public async Task<ScreenResult> RunAsync(Npgsql.NpgsqlConnection connection, ScreenContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = context.Settings;
        // Days left = fin + window − as-of, raised when 0 ≤ left ≤ warning.
        var finFrom = ProjectScreenQuery.Shift(context.AsOf, -(long)s.HypothecWindowDays);
        var finTo = ProjectScreenQuery.Shift(context.AsOf, (long)s.HypothecWarningDays - s.HypothecWindowDays);
        if (s.HypothecWarningDays < 0) return ScreenResult.None;
        var parameters = new { tenant = context.TenantId, finFrom, finTo };
        return ScreenResult.OfProjects(await ProjectScreenQuery.IdsAsync(connection, Sql, parameters, ct).ConfigureAwait(false));
    }
}
