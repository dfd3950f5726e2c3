namespace Allometry.Core.Postgres.Tests.Exceptions;

using System.Text.Json;
using Allometry.Core.Actions;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.People;
using Allometry.Core.Postgres.Actions;
using Allometry.Core.Postgres.People;
using Allometry.Core.Postgres.Tests.Actions;
using Allometry.Core.Postgres.Tests.Imports;
using Allometry.Testing;

/// <summary>
/// Snoozes "until payment received" / "until deposit received" set through the action service,
/// ended by the evaluation once a later import brings the money, with the reason in the history.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SnoozeFollowThroughTests(PostgresFixture postgres)
{
    private const string DepositB = UnpaidDepositTestRule.RuleId + "|Project:PB";
    private static readonly DateOnly Later = new(2026, 11, 25);

    private readonly ExceptionTestBed _bed = new(postgres);
    private readonly ActionService _actions = new(postgres.DataSource, new FixedTimeProvider(ActionTestBed.Now));

    // DepositLedger's two projects on a later day, with payments received after the snooze (2026-11-21).
    private static LedgerBatch LaterLedger(decimal depositB = 3_000m, params (string Id, string? Invoice, decimal Amount, DateOnly On)[] payments)
    {
        var b = new LedgerBatchBuilder { AsOf = Later }.Payer("P1", "Constructions Élan inc.").Project("PA", "P1").Project("PB", "P1");
        b.Invoices.Add(LedgerBatchBuilder.NewInvoice("DEP-A", "P1", 20_000m, "PA", 5_000m) with { Kind = InvoiceKind.Deposit });
        b.Invoices.Add(LedgerBatchBuilder.NewInvoice("DEP-B", "P1", 20_000m, "PB", depositB) with { Kind = InvoiceKind.Deposit });
        foreach (var (id, invoice, amount, on) in payments)
        {
            b.Payments.Add(new Payment { PaymentId = id, PayerId = "P1", ReceivedOn = on, Amount = amount });
            if (invoice is not null) b.Application(id, invoice, amount);
        }
        return b.Build();
    }

    private async Task<(string Tenant, ExceptionRow Row)> SnoozedAsync(SnoozeCondition condition)
    {
        var tenant = ExceptionTestBed.NewTenant();
        await _bed.ImportAsync(tenant, DepositLedger.Build());
        await _bed.EvaluateAsync(tenant);
        var people = await SampleUsers.SeedAsync(new UserStore(postgres.DataSource), tenant, CancellationToken.None);
        var coordinator = people.First(p => p.RoleIn(tenant) == Role.Coordinator);
        var row = await _bed.RowAsync(tenant, DepositB);
        var outcome = await _actions.ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.Snooze, coordinator,
            new ExceptionPick { Id = row.Id, Version = row.Version }, new ActionArguments { Days = 14, Condition = condition, Reason = "PO on its way" }),
            CancellationToken.None);
        Assert.Equal(ActionOutcomeKind.Applied, outcome.Kind);
        return (tenant, await _bed.RowAsync(tenant, DepositB));
    }

    [Fact]
    public async Task EvaluateTenantAsync_PaymentReceivedAfterAPaymentSnooze_EndsTheSnoozeSayingWhy()
    {
        // Arrange
        var (tenant, snoozed) = await SnoozedAsync(SnoozeCondition.PaymentReceived);
        await _bed.ImportAsync(tenant, LaterLedger(payments: ("PAY-9", null, 250m, new DateOnly(2026, 11, 24))));

        // Act
        var result = await _bed.EvaluateAsync(tenant);

        // Assert
        Assert.Equal("snoozed", snoozed.Status);
        Assert.Equal(1, result.SnoozesEnded);
        var row = await _bed.RowAsync(tenant, DepositB);
        Assert.Equal(("open", (string?)null, (string?)null), (row.Status, row.SnoozedUntil, row.SnoozeReason));
        var last = (await _bed.HistoryAsync(tenant, row.Id))[^1];
        Assert.Equal(("snooze_ended", "system"), (last.Kind, last.Actor));
        using var after = JsonDocument.Parse(last.After);
        Assert.Equal("payment received 2026-11-24", after.RootElement.GetProperty("snooze_end_reason_en").GetString());
        Assert.Equal("paiement reçu le 2026-11-24", after.RootElement.GetProperty("snooze_end_reason_fr").GetString());
        Assert.Equal("open", after.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task EvaluateProjectAsync_PayerPaysNothingOfTheProjectAfterAPaymentSnooze_EndsTheSnoozeAsAFullEvaluationWould()
    {
        // Arrange: the payment is applied to no invoice of the project, so only the payer's payment history shows it
        var (tenant, snoozed) = await SnoozedAsync(SnoozeCondition.PaymentReceived);
        await _bed.ImportAsync(tenant, LaterLedger(payments: ("PAY-9", "DEP-A", 250m, new DateOnly(2026, 11, 24))));

        // Act
        var result = await _bed.Evaluator.EvaluateProjectAsync(tenant, "PB", CancellationToken.None);

        // Assert
        Assert.Equal("snoozed", snoozed.Status);
        Assert.Equal(1, result.SnoozesEnded);
        var row = await _bed.RowAsync(tenant, DepositB);
        Assert.Equal(("open", (string?)null), (row.Status, row.SnoozedUntil));
        using var after = JsonDocument.Parse((await _bed.HistoryAsync(tenant, row.Id))[^1].After);
        Assert.Equal("payment received 2026-11-24", after.RootElement.GetProperty("snooze_end_reason_en").GetString());
    }

    [Fact]
    public async Task EvaluateTenantAsync_PaymentBeforeTheSnoozeOnly_KeepsItSnoozed()
    {
        // Arrange: the only payment was received the day before the snooze began
        var (tenant, _) = await SnoozedAsync(SnoozeCondition.PaymentReceived);
        await _bed.ImportAsync(tenant, LaterLedger(payments: ("PAY-8", null, 250m, new DateOnly(2026, 11, 20))));

        // Act
        var result = await _bed.EvaluateAsync(tenant);

        // Assert
        Assert.Equal(0, result.SnoozesEnded);
        Assert.Equal("snoozed", (await _bed.RowAsync(tenant, DepositB)).Status);
    }

    [Fact]
    public async Task EvaluateTenantAsync_DepositSnooze_WaitsForItsOwnDepositNotAnotherPayment()
    {
        // Arrange
        var (tenant, _) = await SnoozedAsync(SnoozeCondition.DepositReceived);

        // Act: a payment on the other project's deposit, then a part of this one's
        await _bed.ImportAsync(tenant, LaterLedger(payments: ("PAY-A", "DEP-A", 1_000m, new DateOnly(2026, 11, 22))));
        var other = await _bed.EvaluateAsync(tenant);
        var stillSnoozed = await _bed.RowAsync(tenant, DepositB);
        await _bed.ImportAsync(tenant, LaterLedger(depositB: 2_000m,
            payments: [("PAY-A", "DEP-A", 1_000m, new DateOnly(2026, 11, 22)), ("PAY-B", "DEP-B", 1_000m, new DateOnly(2026, 11, 23))]));
        var own = await _bed.EvaluateAsync(tenant);

        // Assert
        Assert.Equal(0, other.SnoozesEnded);
        Assert.Equal("snoozed", stillSnoozed.Status);
        Assert.Equal(1, own.SnoozesEnded);
        var row = await _bed.RowAsync(tenant, DepositB);
        Assert.Equal(("open", 2_000m), (row.Status, row.Amount));
        using var after = JsonDocument.Parse((await _bed.HistoryAsync(tenant, row.Id))[^1].After);
        Assert.Equal("deposit received 2026-11-23", after.RootElement.GetProperty("snooze_end_reason_en").GetString());
        Assert.Equal("acompte reçu le 2026-11-23", after.RootElement.GetProperty("snooze_end_reason_fr").GetString());
    }

    [Fact]
    public async Task EvaluateTenantAsync_ConditionSnoozeWhoseExceptionWorsens_ResurfacesSayingHow()
    {
        // Arrange: 3,000 → 3,600 (+20 %), no payment
        var (tenant, _) = await SnoozedAsync(SnoozeCondition.PaymentReceived);
        await _bed.ImportAsync(tenant, LaterLedger(depositB: 3_600m));

        // Act
        var result = await _bed.EvaluateAsync(tenant);

        // Assert
        Assert.Equal(1, result.Resurfaced);
        var row = await _bed.RowAsync(tenant, DepositB);
        Assert.Equal(("open", 3_600m), (row.Status, row.Amount));
        var last = (await _bed.HistoryAsync(tenant, row.Id))[^1];
        Assert.Equal("resurfaced", last.Kind);
        using var after = JsonDocument.Parse(last.After);
        Assert.Equal("worsened: amount 3000.00 → 3600.00", after.RootElement.GetProperty("snooze_end_reason_en").GetString());
    }
}
