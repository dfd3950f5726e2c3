namespace Allometry.Core.Postgres.Digests;

using Allometry.Core.Aging;
using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.Entities;
using Allometry.Core.Postgres.Tenancy;

public sealed partial class DigestService
{
    /// <summary>
    /// The weekly summary of subscription <paramref name="subscriptionId"/> for the week ending
    /// <paramref name="weekEnding"/> (default: today in the subscription's zone). Its figures are
    /// stored, and compared with those stored a week earlier ("first week" when there are none).
    /// </summary>
    /// <exception cref="KeyNotFoundException">The tenant has no such subscription.</exception>
    public async Task<WeeklySummaryCard> ComposeWeeklyAsync(string tenantId, long subscriptionId, DateOnly? weekEnding, CancellationToken ct)
    {
        var subscription = await subscriptions.GetAsync(tenantId, subscriptionId, ct).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"No subscription {subscriptionId} for tenant {tenantId} / aucun abonnement {subscriptionId}");
        var ending = weekEnding ?? LocalToday(subscription.TimeZone);
        var groups = await TopGroupsAsync(tenantId, ct).ConfigureAwait(false);

        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct).ConfigureAwait(false);
        var asOf = await WeeklyFiguresReader.AsOfAsync(scope, ct).ConfigureAwait(false) ?? ending;
        var (totals, aging) = await WeeklyFiguresReader.TotalsAsync(scope, asOf, ct).ConfigureAwait(false);
        var until = new DateTimeOffset(ending.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var input = new WeeklySummaryInput
        {
            WeekEnding = ending,
            Totals = totals,
            Previous = await WeeklySnapshotStore.PreviousAsync(scope, subscriptionId, ending, ct).ConfigureAwait(false),
            Aging = aging,
            TopGroups = groups,
            Renewals = await WeeklyFiguresReader.RenewalsAsync(scope, asOf, ct).ConfigureAwait(false),
            ActionsTaken = await WeeklyFiguresReader.ActionsAsync(scope, until.AddDays(-7), until, ct).ConfigureAwait(false),
            Stuck = await WeeklyFiguresReader.StuckAsync(scope, ct).ConfigureAwait(false),
        };
        await WeeklySnapshotStore.SaveAsync(scope, subscriptionId, ending, totals, ct).ConfigureAwait(false);
        await scope.CommitAsync(ct).ConfigureAwait(false);
        return WeeklySummaryBuilder.Build(input, subscription.Language);
    }

    /// <summary>Linked groups (two or more entities) by open CAD balance, largest five.</summary>
    private async Task<IReadOnlyList<(string, decimal)>> TopGroupsAsync(string tenantId, CancellationToken ct)
    {
        var snapshot = await queue.LoadSnapshotAsync(tenantId, ct).ConfigureAwait(false);
        if (snapshot is null) return [];
        var asOf = snapshot.Meta.AsOf;
        var balances = snapshot.Invoices
            .Where(i => i.Currency == "CAD" && i.Status != Allometry.Core.Ledger.InvoiceStatus.Void && i.Balance != 0)
            .GroupBy(i => i.PayerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(i => i.Balance), StringComparer.Ordinal);
        return
        [
            .. EntityGraph.Of(snapshot).GroupsOn(asOf)
                .Select(g => (Name: $"{snapshot.Payer(g.RootId)?.Name ?? g.RootId} ({g.Members.Count})", Amount: g.Members.Sum(m => balances.GetValueOrDefault(m))))
                .Where(g => g.Amount > 0)
                .OrderByDescending(g => g.Amount).ThenBy(g => g.Name, StringComparer.Ordinal)
                .Take(5),
        ];
    }
}
