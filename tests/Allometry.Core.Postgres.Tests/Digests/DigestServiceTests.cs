namespace Allometry.Core.Postgres.Tests.Digests;

using Allometry.Core.Cards.Building;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Digests;
using Allometry.Core.Rules;
using Allometry.Testing;
using Dapper;

[Collection(PostgresCollection.Name)]
public sealed class DigestServiceTests(PostgresFixture postgres)
{
    private const string OpenExceptionsSql = """
        SELECT count(*)::int AS Count, coalesce(sum(amount_at_risk), 0) AS Amount
        FROM exceptions WHERE tenant_id = @tenant AND status = 'open' AND severity_rank >= @rank
        """;

    [Fact]
    public async Task ComposeMorningAsync_SampleOperator_ListsTopLinesAndAccountsForEveryOpenException()
    {
        await using var database = await postgres.CreateDatabaseAsync();
        await DigestTestBed.ImportAndEvaluateAsync(database.DataSource, "acme");
        var store = new SubscriptionStore(database.DataSource);
        var subscription = await store.AddAsync(DigestTestBed.Subscription("acme", DigestKind.Morning, Language.Fr) with
        {
            Filter = new DigestFilter { MinSeverity = Severity.Medium, Top = 5 },
        }, CancellationToken.None);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var expected = await connection.QuerySingleAsync<(int Count, decimal Amount)>(OpenExceptionsSql, new { tenant = "acme", rank = (short)Severity.Medium });

        var card = await DigestTestBed.Service(database.DataSource).ComposeMorningAsync("acme", subscription.SubscriptionId, CancellationToken.None);

        Assert.True(expected.Count > 5, $"the sample should have more than 5 open exceptions, has {expected.Count}");
        Assert.Equal(5, card.Items.Count);
        Assert.Equal(expected.Count, card.Items.Sum(i => i.ExceptionIds.Count) + card.MoreOpen);
        Assert.All(card.Items, i => Assert.True(i.Severity >= Severity.Medium));
        Assert.Contains(card.Facts, f => f.Value == MoneyFormat.Format(expected.Amount, Language.Fr));
        Assert.Equal("Résumé du matin — acme", card.Title);
        var ids = card.Items.SelectMany(i => i.ExceptionIds).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task ComposeMorningAsync_UnknownSubscription_Throws()
    {
        await using var database = await postgres.CreateDatabaseAsync();
        await DigestTestBed.ImportAndEvaluateAsync(database.DataSource, "acme");

        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            DigestTestBed.Service(database.DataSource).ComposeMorningAsync("acme", 999_999, CancellationToken.None));
    }

    [Fact]
    public async Task ComposeWeeklyAsync_TwoStoredWeeks_ShowsFirstWeekThenTheDelta()
    {
        await using var database = await postgres.CreateDatabaseAsync();
        await DigestTestBed.ImportAndEvaluateAsync(database.DataSource, "acme");
        var subscription = await new SubscriptionStore(database.DataSource).AddAsync(DigestTestBed.Subscription("acme", DigestKind.Weekly), CancellationToken.None);
        var service = DigestTestBed.Service(database.DataSource);
        var lastWeek = new DateOnly(2026, 11, 14);
        var thisWeek = lastWeek.AddDays(7);

        var first = await service.ComposeWeeklyAsync("acme", subscription.SubscriptionId, lastWeek, CancellationToken.None);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        // Last week's AR was 1,000.00 lower and there were two more open exceptions.
        await connection.ExecuteAsync(
            "UPDATE weekly_summary_snapshots SET total_ar = total_ar - 1000.00, open_exceptions = open_exceptions + 2 WHERE tenant_id = 'acme' AND week_ending = @lastWeek",
            new { lastWeek });
        var second = await service.ComposeWeeklyAsync("acme", subscription.SubscriptionId, thisWeek, CancellationToken.None);
        var stored = await connection.ExecuteScalarAsync<int>("SELECT count(*)::int FROM weekly_summary_snapshots WHERE tenant_id = 'acme'");

        Assert.Contains("(first week)", first.Headlines[0].Value, StringComparison.Ordinal);
        Assert.EndsWith("(+$1,000.00)", second.Headlines[0].Value, StringComparison.Ordinal);
        Assert.Contains(second.Headlines, h => h.Label == "Open exceptions" && h.Value.EndsWith("(-2)", StringComparison.Ordinal));
        Assert.Equal(2, stored);
        Assert.Equal(5, Assert.Single(second.Charts).Points.Count);
        Assert.Equal(4, second.Sections.Count);
    }

    [Fact]
    public async Task ComposeWeeklyAsync_Sample_TotalArMatchesTheOpenInvoicesAndAgingChartAddsUp()
    {
        await using var database = await postgres.CreateDatabaseAsync();
        await DigestTestBed.ImportAndEvaluateAsync(database.DataSource, "acme");
        var subscription = await new SubscriptionStore(database.DataSource).AddAsync(DigestTestBed.Subscription("acme", DigestKind.Weekly, Language.Fr), CancellationToken.None);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var totalAr = await connection.ExecuteScalarAsync<decimal>(
            "SELECT coalesce(sum(balance), 0) FROM invoices WHERE tenant_id = 'acme' AND status <> 'void' AND balance <> 0 AND currency = 'CAD'");

        var card = await DigestTestBed.Service(database.DataSource).ComposeWeeklyAsync("acme", subscription.SubscriptionId, new DateOnly(2026, 11, 21), CancellationToken.None);

        Assert.True(totalAr > 0);
        Assert.Equal("Comptes clients", card.Headlines[0].Label);
        Assert.StartsWith(MoneyFormat.Format(totalAr, Language.Fr) + " (première semaine)", card.Headlines[0].Value, StringComparison.Ordinal);
        Assert.Equal(totalAr, card.Charts[0].Points.Sum(p => p.Value));
    }
    [Fact]
    public async Task ComposeWeeklyAsync_PeoplesHistory_CountsActionsTakenAndItemsSnoozedThreeTimes()
    {
        await using var database = await postgres.CreateDatabaseAsync();
        await DigestTestBed.ImportAndEvaluateAsync(database.DataSource, "acme");
        var subscription = await new SubscriptionStore(database.DataSource).AddAsync(DigestTestBed.Subscription("acme", DigestKind.Weekly), CancellationToken.None);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var ids = (await connection.QueryAsync<long>("SELECT exception_id FROM exceptions WHERE tenant_id = 'acme' AND status = 'open' ORDER BY exception_id LIMIT 2")).ToList();
        const string Insert = """
            INSERT INTO exception_history (tenant_id, exception_id, version, kind, actor, after)
            VALUES ('acme', @id, @version, @kind, 'user:1', '{}'::jsonb)
            """;
        foreach (var version in new[] { 101, 102, 103 }) await connection.ExecuteAsync(Insert, new { id = ids[0], version, kind = "snoozed" });
        foreach (var version in new[] { 101, 102 }) await connection.ExecuteAsync(Insert, new { id = ids[1], version, kind = "snoozed" });
        await connection.ExecuteAsync(Insert, new { id = ids[1], version = 103, kind = "escalated" });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var card = await DigestTestBed.Service(database.DataSource).ComposeWeeklyAsync("acme", subscription.SubscriptionId, today, CancellationToken.None);

        var actions = Assert.Single(card.Sections, s => s.Title == "Actions taken this week");
        Assert.Equal(["Snoozed: 5", "Escalated: 1"], actions.Lines);
        var stuck = Assert.Single(card.Sections, s => s.Title == "Stuck: snoozed 3 times or more");
        var line = Assert.Single(stuck.Lines);
        Assert.StartsWith($"#{ids[0]} ", line, StringComparison.Ordinal);
        Assert.EndsWith("snoozed 3 times", line, StringComparison.Ordinal);
    }
}
