namespace Allometry.Core.Postgres.Tests.Exceptions;

using Allometry.Core.Exceptions;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Ledger;
using Allometry.Testing;
using Npgsql;

[Collection(PostgresCollection.Name)]
public sealed class ProjectEvaluationTests(PostgresFixture postgres)
{
    private const string DepositA = UnpaidDepositTestRule.RuleId + "|Project:PA";
    private const string DepositB = UnpaidDepositTestRule.RuleId + "|Project:PB";
    private const string PayerP1 = PayerBalanceTestRule.RuleId + "|Payer:P1";

    private readonly ExceptionTestBed _bed = new(postgres);

    [Fact]
    public async Task EvaluateProjectAsync_BothProjectsChanged_ReconcilesOnlyTheProjectsItemLevelExceptions()
    {
        // Arrange
        var tenant = ExceptionTestBed.NewTenant();
        await _bed.ImportAsync(tenant, DepositLedger.Build());
        await _bed.EvaluateAsync(tenant);
        await _bed.ImportAsync(tenant, DepositLedger.Build(depositA: 0m, depositB: 0m, paidA: true));

        // Act
        var result = await _bed.Evaluator.EvaluateProjectAsync(tenant, "PA", CancellationToken.None);

        // Assert
        Assert.Equal(("PA", 1, 0), (result.ProjectId, result.Closed, result.Changed - result.Closed));
        var a = await _bed.RowAsync(tenant, DepositA);
        Assert.Equal(("closed", "deposit received 2026-11-18"), (a.Status, a.CloseEn));
        Assert.Equal("open", (await _bed.RowAsync(tenant, DepositB)).Status);
        Assert.Equal(1, (await _bed.RowAsync(tenant, PayerP1)).Version);
    }

    [Fact]
    public async Task EvaluateProjectAsync_NewFindingOnTheProject_OpensIt()
    {
        // Arrange
        var tenant = ExceptionTestBed.NewTenant();
        await _bed.ImportAsync(tenant, DepositLedger.Build(depositA: 0m, paidA: true));
        await _bed.EvaluateAsync(tenant);
        await _bed.ImportAsync(tenant, DepositLedger.Build(depositA: 12_000m, paidA: true));

        // Act
        var result = await _bed.Evaluator.EvaluateProjectAsync(tenant, "PA", CancellationToken.None);
        var again = await _bed.Evaluator.EvaluateProjectAsync(tenant, "PA", CancellationToken.None);

        // Assert
        Assert.Equal(1, result.Opened);
        Assert.Equal((0, 1), (again.Changed, again.Unchanged));
        var a = await _bed.RowAsync(tenant, DepositA);
        Assert.Equal(("open", "critical", 12_000m), (a.Status, a.Severity, a.Amount));
    }

    [Fact]
    public async Task EvaluateProjectAsync_UnknownProject_Throws()
    {
        var tenant = ExceptionTestBed.NewTenant();
        await _bed.ImportAsync(tenant, DepositLedger.Build());

        var ex = await Assert.ThrowsAsync<LedgerNotFoundException>(() => _bed.Evaluator.EvaluateProjectAsync(tenant, "NOPE", CancellationToken.None));

        Assert.Contains("no project 'NOPE'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_ExceptionChangedSinceItWasRead_WritesNothingAndSaysSo()
    {
        // Arrange: B's state is read, then a person acts on it
        var tenant = ExceptionTestBed.NewTenant();
        await _bed.ImportAsync(tenant, DepositLedger.Build());
        await _bed.EvaluateAsync(tenant);
        await using var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var states = await ExceptionStore.LoadStatesAsync(connection, transaction, tenant, null, [], CancellationToken.None);
        await _bed.ExecuteAsync("UPDATE exceptions SET assigned_to = 'ana', version = version + 1 WHERE tenant_id = @tenant AND fingerprint = @fp", new { tenant, fp = DepositB });
        var plan = ExceptionLifecycle.Plan(states, [], new LifecycleContext(
            DepositLedger.AsOf, DepositLedger.AsOf, new HashSet<string>([UnpaidDepositTestRule.RuleId]), new HashSet<string>()));

        // Act
        var applied = await ExceptionStore.ApplyAsync(connection, transaction, tenant, plan, DepositLedger.AsOf, CancellationToken.None);
        await transaction.RollbackAsync();

        // Assert
        Assert.Equal(2, plan.Count(ExceptionChangeKind.Closed));
        Assert.False(applied);
        Assert.Equal("open", (await _bed.RowAsync(tenant, DepositA)).Status);
    }
}
