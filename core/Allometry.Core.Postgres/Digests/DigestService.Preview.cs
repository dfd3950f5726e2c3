namespace Allometry.Core.Postgres.Digests;

using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Tenancy;

public sealed partial class DigestService
{
    /// <summary>
    /// The weekly summary as it stands today in <paramref name="timeZone"/>, for someone who asks
    /// ("summary" in chat) rather than a subscription: nothing is stored, and without a
    /// subscription's history it shows no week-over-week deltas.
    /// </summary>
    public async Task<WeeklySummaryCard> PreviewWeeklyAsync(string tenantId, Language language, string timeZone, CancellationToken ct)
    {
        var ending = LocalToday(timeZone);
        var groups = await TopGroupsAsync(tenantId, ct).ConfigureAwait(false);
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct).ConfigureAwait(false);
        var asOf = await WeeklyFiguresReader.AsOfAsync(scope, ct).ConfigureAwait(false) ?? ending;
        var (totals, aging) = await WeeklyFiguresReader.TotalsAsync(scope, asOf, ct).ConfigureAwait(false);
        var until = new DateTimeOffset(ending.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var input = new WeeklySummaryInput
        {
            WeekEnding = ending,
            Totals = totals,
            Previous = null,
            Aging = aging,
            TopGroups = groups,
            Renewals = await WeeklyFiguresReader.RenewalsAsync(scope, asOf, ct).ConfigureAwait(false),
            ActionsTaken = await WeeklyFiguresReader.ActionsAsync(scope, until.AddDays(-7), until, ct).ConfigureAwait(false),
            Stuck = await WeeklyFiguresReader.StuckAsync(scope, ct).ConfigureAwait(false),
        };
        return WeeklySummaryBuilder.Build(input, language);
    }
}
