namespace Allometry.Core.Postgres.Tests.Questions;

using Allometry.Core.Cards;
using Allometry.Core.People;
using Allometry.Core.Postgres.Digests;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.Questions;
using Allometry.Core.Questions;
using Allometry.Testing;
using Dapper;

/// <summary>"Top risks" follows the risk-scored collections queue, not severity and amount.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TopRisksRankingTests(PostgresFixture postgres)
{
    [Fact]
    public async Task AskAsync_TopRisks_RankedByThePayersRiskQueueOrderWithTheirScore()
    {
        // Arrange
        var database = await QuestionTestBed.DatabaseAsync(postgres);
        var source = database.DataSource;
        var queue = new RiskQueueService(new LedgerSnapshotStore(source), new RuleSettingsStore(source));
        var service = new QuestionService(source, null, queue);
        var ranks = RiskQueueService.RanksOf(await queue.BuildAsync(QuestionTestBed.TenantA, CancellationToken.None));
        Assert.NotEmpty(ranks);

        // Act
        var card = await service.AskAsync(QuestionTestBed.TenantA, QuestionTestBed.Finance, "top risks", QuestionContext.Default, CancellationToken.None);

        // Assert: the listed exceptions' payers come in queue-rank order, each with its score.
        var answer = Assert.IsType<AnswerCard>(card);
        Assert.NotEmpty(answer.Citations);
        await using var connection = await source.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<(long Id, string? Payer, int Severity, decimal Amount)>(
            "SELECT exception_id, payer_id, severity_rank::int, amount_at_risk FROM exceptions WHERE tenant_id = @tenant AND status = 'open'",
            new { tenant = QuestionTestBed.TenantA })).ToDictionary(r => r.Id);
        int Rank(string? payer) => payer is not null && ranks.TryGetValue(payer, out var r) ? r : int.MaxValue;
        var listed = answer.Citations.Select(c => rows[long.Parse(c.RowId, System.Globalization.CultureInfo.InvariantCulture)]).ToList();
        var expected = rows.Values.OrderBy(r => Rank(r.Payer)).ThenByDescending(r => r.Severity).ThenByDescending(r => r.Amount).ThenBy(r => r.Id)
            .Take(listed.Count).Select(r => r.Id).ToList();
        Assert.Equal(expected, listed.Select(r => r.Id).ToList());
        var bySeverity = rows.Values.OrderByDescending(r => r.Severity).ThenByDescending(r => r.Amount).ThenBy(r => r.Id)
            .Take(listed.Count).Select(r => r.Id).ToList();
        Assert.NotEqual(bySeverity, expected); // The sample makes the two orders differ, so this test tells them apart.
        Assert.Contains("/100", answer.Citations[0].Description, StringComparison.Ordinal);
    }
}
