namespace Allometry.Core.Postgres.Exceptions.Screening;

using Allometry.Core.Ledger;

/// <summary>
/// Screens HoldbackReleaseDue (Ontario) and RetenueReleaseDue (Quebec): sites of an enabled
/// rule's province where some release date of ReleaseCalendar may already be behind the as-of
/// date, and whose unreleased retainage could exceed the unlinked release invoices by more than
/// the tolerance.
/// </summary>
/// <remarks>
/// <para>A line is due when its date is before the as-of date; its date is the recorded
/// <c>release_due_on</c>, else the contract's (on_csp: CSP + days; on_annual: an anniversary on or
/// after the contract's first + days; qc_reception, a Quebec site's default: réception + days;
/// days_after_final: the latest final invoice + days), and in Ontario the earliest of that, the
/// CSP + the lien period and the statutory annual release (from the regime start; a contract made
/// before it first releases on its second anniversary on or after it). The screen takes, per
/// project, the earliest date any line could have: a line accrued later only gets later dates,
/// so this never misses a due line.</para>
/// <para>Amount: the rule reports max(0, Σ held of the due lines − unlinked releases) above the
/// tolerance; the positive part of every unreleased line bounds the due lines' sum. Holds not yet
/// releasable (no date, or a date still ahead) never make their project a candidate.</para>
/// </remarks>
public sealed class ReleaseDueScreen : IRuleScreen
{
    /// <inheritdoc />
    public IReadOnlyList<string> RuleIds { get; } = ["HoldbackReleaseDue", "RetenueReleaseDue"];

    // Dates only move by whole days here (a date plus an integer), never by intervals: the first
    // branch reads every site of the provinces. A year is counted as 365 days, which an
    // anniversary is never earlier than, so the bound may take a project a day early, never late.
    // Statutory annual release: a contract made on or after the regime start first releases on
    // its first anniversary; one made before, on its anniversary in the year after the start's
    // (month-day on or after the start's) or the one after that (see PreStartBounds).
    private static readonly string Sql = $"""
        WITH candidates AS (
            SELECT p.project_id
            FROM projects p
            WHERE p.tenant_id = @tenant AND p.site_province = ANY (@provinces)
              AND ((p.release_rule = 'on_csp' AND p.csp_published_on + coalesce(p.release_days, @lienDays) < @asOf)
                OR (p.release_rule = 'on_annual' AND p.contract_date + 365 + coalesce(p.release_days, @annualDays) < @asOf)
                OR (coalesce(p.release_rule, CASE WHEN p.site_province = 'QC' THEN 'qc_reception' END) = 'qc_reception'
                    AND p.reception_on + coalesce(p.release_days, @quebecDays) < @asOf)
                OR (p.release_rule = 'days_after_final' AND p.release_days IS NOT NULL
                    AND (SELECT max(f.issue_date) FROM invoices f
                         WHERE f.tenant_id = @tenant AND f.project_id = p.project_id AND f.kind = 'final' AND f.status <> 'void')
                        + p.release_days < @asOf)
                OR (p.site_province = 'ON' AND p.csp_published_on + @lienDays < @asOf)
                OR (p.site_province = 'ON' AND p.contract_date >= @regimeStart AND p.contract_date + 365 + @annualDays < @asOf)
                OR (p.site_province = 'ON' AND p.contract_date < @regimeStart AND @preStartPossible
                    AND (extract(month FROM p.contract_date) * 100 + extract(day FROM p.contract_date)) <
                        CASE WHEN extract(month FROM p.contract_date) * 100 + extract(day FROM p.contract_date) >= @startMonthDay
                             THEN @beforeInFirstYear ELSE @beforeInSecondYear END))
            UNION
            SELECT h.project_id
            FROM retainage_holds h
            JOIN projects p ON p.tenant_id = h.tenant_id AND p.project_id = h.project_id
            WHERE h.tenant_id = @tenant AND h.release_due_on < @asOf AND h.release_invoice_id IS NULL AND h.released_on IS NULL
              AND p.site_province = ANY (@provinces)
        )
        SELECT c.project_id
        FROM candidates c
        WHERE greatest(0, {RetainageSql.For(RetainageSql.OpenHeldBound, "c.project_id")}
                          - {RetainageSql.For(RetainageSql.UnlinkedRelease, "c.project_id")}) > @tolerance
        """;

    /// <inheritdoc />
    public async Task<ScreenResult> RunAsync(Npgsql.NpgsqlConnection connection, ScreenContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = context.Settings;
        string[] provinces =
        [
            .. s.IsEnabled("HoldbackReleaseDue") ? [LedgerVocabulary.ToCode(Province.ON)] : Array.Empty<string>(),
            .. s.IsEnabled("RetenueReleaseDue") ? [LedgerVocabulary.ToCode(Province.QC)] : Array.Empty<string>(),
        ];
        var (first, second) = PreStartBounds(s.OntarioAnnualReleaseStart, ProjectScreenQuery.Shift(context.AsOf, -(long)s.OntarioAnnualReleasePaymentDays));
        var parameters = new
        {
            tenant = context.TenantId,
            asOf = context.AsOf,
            provinces,
            lienDays = s.OntarioLienPeriodDays,
            annualDays = s.OntarioAnnualReleasePaymentDays,
            quebecDays = s.QuebecReleaseDays,
            regimeStart = s.OntarioAnnualReleaseStart,
            startMonthDay = MonthDay(s.OntarioAnnualReleaseStart),
            beforeInFirstYear = first,
            beforeInSecondYear = second,
            preStartPossible = first > 0 || second > 0,
            tolerance = s.RetainageTolerance,
        };
        return ScreenResult.OfProjects(await ProjectScreenQuery.IdsAsync(connection, Sql, parameters, ct).ConfigureAwait(false));
    }

    /// <summary>
    /// For a contract made before the regime start, its statutory release falls on its month-day
    /// (month × 100 + day) in the year after the start's year when that month-day is on or after
    /// the start's, else in the year after (ReleaseCalendar.Annual: the first anniversary reaching
    /// the start, then one more). The release is late when that date is before
    /// <paramref name="latestLate"/> (as-of − payment days): true for the month-days below the
    /// bound returned for each year (0: none, 1300: all). A Feb 29 falling on Feb 28 in a common
    /// year compares the same way, since Feb 29 is never a bound in such a year.
    /// </summary>
    internal static (int FirstYear, int SecondYear) PreStartBounds(DateOnly start, DateOnly latestLate)
    {
        int Bound(int year) => latestLate.Year > year ? 1300 : latestLate.Year < year ? 0 : MonthDay(latestLate);
        return (Bound(start.Year + 1), Bound(start.Year + 2));
    }

    private static int MonthDay(DateOnly date) => date.Month * 100 + date.Day;
}
