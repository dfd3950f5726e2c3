namespace Allometry.Core.Postgres.Tests.Exceptions;

using System.Text.Json;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Testing;

[Collection(PostgresCollection.Name)]
public sealed class ExceptionEvaluatorTests(PostgresFixture postgres)
{
    private const string DepositA = UnpaidDepositTestRule.RuleId + "|Project:PA";
    private const string DepositB = UnpaidDepositTestRule.RuleId + "|Project:PB";
    private const string PayerP1 = PayerBalanceTestRule.RuleId + "|Payer:P1";

    private readonly ExceptionTestBed _bed = new(postgres);

    [Fact]
    public async Task EvaluateTenantAsync_NewLedger_OpensOneExceptionPerFindingWithItsHistory()
    {
        // Arrange
        var tenant = ExceptionTestBed.NewTenant();
        await _bed.ImportAsync(tenant, DepositLedger.Build());

        // Act
        var result = await _bed.EvaluateAsync(tenant);

        // Assert
        Assert.Equal((3, 0, 0, 0), (result.Opened, result.Updated, result.Closed, result.Unchanged));
        Assert.Equal(DepositLedger.AsOf, result.AsOf);
        var a = await _bed.RowAsync(tenant, DepositA);
        Assert.Equal(("open", 1, 5_000.00m, "high", DepositLedger.AsOf.ToString("yyyy-MM-dd")), (a.Status, a.Version, a.Amount, a.Severity, a.LastSeenOn));
        var history = Assert.Single(await _bed.HistoryAsync(tenant, a.Id));
        Assert.Equal(("opened", "system", 1, (string?)null), (history.Kind, history.Actor, history.Version, history.Before));
        using var after = JsonDocument.Parse(history.After);
        Assert.Equal(5000.00m, after.RootElement.GetProperty("amount_at_risk").GetDecimal());
        Assert.Equal("Acompte impayé sur PA", after.RootElement.GetProperty("title_fr").GetString());
        var stored = Assert.Single(await _bed.Store.ListAsync(tenant, new ExceptionQuery { ProjectId = "PA" }, CancellationToken.None));
        Assert.Equal(("DEP-A", "5000.00"), (stored.Evidence[0].RowId, stored.Evidence[0].Actual));
        Assert.Equal((1, DepositLedger.AsOf, "5000.00 dû"), (stored.Version, stored.FirstSeenOn, stored.Detail.Fr));
        var payerOnly = await _bed.Store.ListAsync(tenant, new ExceptionQuery { PayerId = "P1", MinSeverity = Core.Rules.Severity.High }, CancellationToken.None);
        Assert.Equal([DepositA, DepositB], payerOnly.Select(e => e.Fingerprint));
    }

    [Fact]
    public async Task EvaluateTenantAsync_NothingChanged_WritesNothing()
    {
        // Arrange
        var tenant = ExceptionTestBed.NewTenant();
        await _bed.ImportAsync(tenant, DepositLedger.Build());
        await _bed.EvaluateAsync(tenant);
        var before = await _bed.RowAsync(tenant, DepositA);
        var historyBefore = (await _bed.HistoryAsync(tenant)).Count;

        // Act
        var again = await _bed.EvaluateAsync(tenant);

        // Assert
        Assert.Equal((0, 3), (again.Changed, again.Unchanged));
        Assert.Equal(before, await _bed.RowAsync(tenant, DepositA));
        Assert.Equal(historyBefore, (await _bed.HistoryAsync(tenant)).Count);
    }

    [Fact]
    public async Task EvaluateTenantAsync_DepositPaidThenUnpaidAgain_ClosesWithTheRulesReasonThenReopens()
    {
        // Arrange
        var tenant = ExceptionTestBed.NewTenant();
        await _bed.ImportAsync(tenant, DepositLedger.Build());
        await _bed.EvaluateAsync(tenant);

        // Act: the deposit is paid
        await _bed.ImportAsync(tenant, DepositLedger.Build(depositA: 0m, paidA: true));
        var paid = await _bed.EvaluateAsync(tenant);
        var closed = await _bed.RowAsync(tenant, DepositA);

        // Act: the payment bounced
        await _bed.ImportAsync(tenant, DepositLedger.Build(depositA: 5_000m, paidA: true));
        var bounced = await _bed.EvaluateAsync(tenant);
        var reopened = await _bed.RowAsync(tenant, DepositA);

        // Assert
        Assert.Equal((1, 1), (paid.Closed, paid.Updated)); // the payer's balance went down too
        Assert.Equal(("closed", 2, "2026-11-20"), (closed.Status, closed.Version, closed.ClosedOn));
        Assert.Equal(("deposit received 2026-11-18", "acompte reçu le 2026-11-18"), (closed.CloseEn, closed.CloseFr));
        Assert.Equal(1, bounced.Reopened);
        Assert.Equal(("open", 3, 1, (string?)null, (string?)null), (reopened.Status, reopened.Version, reopened.ReopenedCount, reopened.CloseEn, reopened.ClosedOn));
        Assert.Equal(["opened", "closed", "reopened"], (await _bed.HistoryAsync(tenant, closed.Id)).Select(h => h.Kind));
    }

    [Fact]
    public async Task EvaluateTenantAsync_SnoozedExceptionChangesALittleThenALot_KeepsTheSnoozeThenResurfaces()
    {
        // Arrange: a person snoozed and escalated B
        var tenant = ExceptionTestBed.NewTenant();
        await _bed.ImportAsync(tenant, DepositLedger.Build());
        await _bed.EvaluateAsync(tenant);
        await _bed.ExecuteAsync(
            "UPDATE exceptions SET status = 'snoozed', snoozed_until = '2026-12-31', snooze_reason = 'waiting on PO', escalated_to = 'controller', version = version + 1 WHERE tenant_id = @tenant AND fingerprint = @fp",
            new { tenant, fp = DepositB });

        // Act: 3,000 → 3,200 (+6.7 %), then 3,200 → 3,600 (+12.5 %)
        await _bed.ImportAsync(tenant, DepositLedger.Build(depositB: 3_200m));
        var small = await _bed.EvaluateAsync(tenant);
        var stillSnoozed = await _bed.RowAsync(tenant, DepositB);
        await _bed.ImportAsync(tenant, DepositLedger.Build(depositB: 3_600m));
        var large = await _bed.EvaluateAsync(tenant);
        var resurfaced = await _bed.RowAsync(tenant, DepositB);

        // Assert
        Assert.Equal(2, small.Updated); // B and the payer's balance
        Assert.Equal(("snoozed", 3, 3_200m, "2026-12-31", "waiting on PO", "controller"),
            (stillSnoozed.Status, stillSnoozed.Version, stillSnoozed.Amount, stillSnoozed.SnoozedUntil, stillSnoozed.SnoozeReason, stillSnoozed.EscalatedTo));
        Assert.Equal(1, large.Resurfaced);
        Assert.Equal(("open", 4, 3_600m, (string?)null, (string?)null, "controller"),
            (resurfaced.Status, resurfaced.Version, resurfaced.Amount, resurfaced.SnoozedUntil, resurfaced.SnoozeReason, resurfaced.EscalatedTo));
        var history = await _bed.HistoryAsync(tenant, resurfaced.Id);
        Assert.Equal(["opened", "updated", "resurfaced"], history.Select(h => h.Kind));
        using var before = JsonDocument.Parse(history[^1].Before!);
        using var after = JsonDocument.Parse(history[^1].After);
        Assert.Equal("snoozed", before.RootElement.GetProperty("status").GetString());
        Assert.Equal("open", after.RootElement.GetProperty("status").GetString());
        Assert.Equal(3_600m, after.RootElement.GetProperty("amount_at_risk").GetDecimal());
        Assert.False(after.RootElement.TryGetProperty("escalated_to", out _)); // unchanged columns are not repeated
    }

    [Fact]
    public async Task EvaluateTenantAsync_RuleSwitchedOffInSettings_ClosesItsExceptionsSayingSo()
    {
        // Arrange
        var tenant = ExceptionTestBed.NewTenant();
        await _bed.ImportAsync(tenant, DepositLedger.Build());
        await _bed.EvaluateAsync(tenant);
        await _bed.ExecuteAsync(
            "INSERT INTO tenant_settings (tenant_id, settings) VALUES (@tenant, '{\"disabled_rules\": [\"TestPayerBalance\"]}')", new { tenant });

        // Act
        var result = await _bed.EvaluateAsync(tenant);

        // Assert
        Assert.Equal(1, result.Closed);
        Assert.Contains(result.Rules.Skipped, s => s.RuleId == PayerBalanceTestRule.RuleId);
        var row = await _bed.RowAsync(tenant, PayerP1);
        Assert.Equal(("closed", "rule TestPayerBalance switched off for this tenant"), (row.Status, row.CloseEn));
    }

    [Fact]
    public async Task EvaluateTenantAsync_TwoTenantsWithTheSameLedger_KeepTheirOwnExceptions()
    {
        // Arrange
        var first = ExceptionTestBed.NewTenant();
        var second = ExceptionTestBed.NewTenant();
        await _bed.ImportAsync(first, DepositLedger.Build());
        await _bed.ImportAsync(second, DepositLedger.Build());
        await _bed.EvaluateAsync(first);

        // Act
        var secondResult = await _bed.EvaluateAsync(second);
        await _bed.ImportAsync(first, DepositLedger.Build(depositA: 0m, paidA: true));
        await _bed.EvaluateAsync(first);

        // Assert
        Assert.Equal(3, secondResult.Opened);
        Assert.Equal("closed", (await _bed.RowAsync(first, DepositA)).Status);
        Assert.Equal("open", (await _bed.RowAsync(second, DepositA)).Status);
        Assert.Equal(3, (await _bed.HistoryAsync(second)).Count);
        var firstsA = (await _bed.RowAsync(first, DepositA)).Id;
        Assert.Equal(DepositA, (await _bed.Store.GetAsync(first, firstsA, CancellationToken.None))?.Fingerprint);
        Assert.Null(await _bed.Store.GetAsync(second, firstsA, CancellationToken.None));
    }
}
