namespace Allometry.Core.Tests.Exceptions;

using Allometry.Core.Actions;
using Allometry.Core.Exceptions;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Tests.Rules;

public sealed class SnoozeConditionsTests
{
    private static readonly DateOnly AsOf = TestLedger.AsOf;
    private static readonly DateOnly SnoozedOn = AsOf.AddDays(-5);

    private static TestLedger Ledger() => new TestLedger()
        .Payer("P1").Payer("P2")
        .Project("PRJ", "P1", Province.QC)
        .Invoice("DEP", "P1", "PRJ", 1000m, InvoiceKind.Deposit, issued: AsOf.AddDays(-40))
        .Invoice("F1", "P1", "PRJ", 5000m, issued: AsOf.AddDays(-60));

    private static ExceptionState Snoozed(SnoozeCondition condition, SubjectKind kind = SubjectKind.Invoice, string subject = "F1",
        string? payer = "P1", string? rerouted = null, DateOnly? snoozedOn = null) => new()
    {
        ExceptionId = 7,
        Fingerprint = $"OverdueInvoice:{subject}",
        RuleId = "OverdueInvoice",
        Subject = new FindingSubject(kind, subject),
        PayerId = payer,
        ProjectId = "PRJ",
        Status = ExceptionStatus.Snoozed,
        Severity = Severity.High,
        AmountAtRisk = 100m,
        ContentHash = "h",
        SnoozedUntil = AsOf.AddDays(10),
        SnoozeCondition = condition,
        SnoozedOn = snoozedOn ?? SnoozedOn,
        ReroutedPayerId = rerouted,
        Version = 2,
        LastSeenOn = AsOf,
    };

    [Fact]
    public void Met_PaymentFromThePayerAfterTheSnooze_NamesTheDayItCame()
    {
        var ledger = Ledger().Payment("PAY-1", "P1", 200m, AsOf.AddDays(-2)).Payment("PAY-2", "P1", 300m, AsOf.AddDays(-1));

        var reason = new SnoozeConditions(ledger.Snapshot(), AsOf).Met(Snoozed(SnoozeCondition.PaymentReceived));

        Assert.NotNull(reason);
        Assert.Equal("payment received 2026-11-18", reason.En);
        Assert.Equal("paiement reçu le 2026-11-18", reason.Fr);
    }

    [Fact]
    public void Met_PaymentOnTheDayTheSnoozeBegan_Counts()
    {
        var ledger = Ledger().Payment("PAY-1", "P1", 200m, SnoozedOn);

        var reason = new SnoozeConditions(ledger.Snapshot(), AsOf).Met(Snoozed(SnoozeCondition.PaymentReceived));

        Assert.Equal("payment received 2026-11-15", reason?.En);
    }

    [Fact]
    public void Met_PaymentTheDayBeforeTheSnooze_IsNotMet()
    {
        var ledger = Ledger().Payment("PAY-1", "P1", 200m, SnoozedOn.AddDays(-1));

        var reason = new SnoozeConditions(ledger.Snapshot(), AsOf).Met(Snoozed(SnoozeCondition.PaymentReceived));

        Assert.Null(reason);
    }

    [Fact]
    public void Met_PaymentFromAnotherPayerAppliedToTheInvoice_Counts()
    {
        var ledger = Ledger().Payment("PAY-9", "P2", 500m, AsOf.AddDays(-3), ("F1", 500m));

        var reason = new SnoozeConditions(ledger.Snapshot(), AsOf).Met(Snoozed(SnoozeCondition.PaymentReceived));

        Assert.Equal("payment received 2026-11-17", reason?.En);
    }

    [Fact]
    public void Met_ReroutedException_WaitsForTheNewPayersPayment()
    {
        var fromOldPayer = Ledger().Payment("PAY-1", "P1", 200m, AsOf.AddDays(-2));
        var fromNewPayer = Ledger().Payment("PAY-2", "P2", 200m, AsOf.AddDays(-1));
        var state = Snoozed(SnoozeCondition.PaymentReceived, kind: SubjectKind.Project, subject: "PRJ", rerouted: "P2");

        var old = new SnoozeConditions(fromOldPayer.Snapshot(), AsOf).Met(state);
        var @new = new SnoozeConditions(fromNewPayer.Snapshot(), AsOf).Met(state);

        Assert.Null(old);
        Assert.Equal("payment received 2026-11-19", @new?.En);
    }

    [Fact]
    public void Met_DepositPaidAfterTheSnooze_SaysDepositReceived()
    {
        var ledger = Ledger().Payment("PAY-1", "P1", 1149.75m, AsOf.AddDays(-1), ("DEP", 1149.75m));

        var reason = new SnoozeConditions(ledger.Snapshot(), AsOf).Met(Snoozed(SnoozeCondition.DepositReceived, SubjectKind.Project, "PRJ"));

        Assert.NotNull(reason);
        Assert.Equal("deposit received 2026-11-19", reason.En);
        Assert.Equal("acompte reçu le 2026-11-19", reason.Fr);
    }

    [Fact]
    public void Met_PaymentOnAProgressInvoiceOnly_IsNoDeposit()
    {
        var ledger = Ledger().Payment("PAY-1", "P1", 500m, AsOf.AddDays(-1), ("F1", 500m));

        var reason = new SnoozeConditions(ledger.Snapshot(), AsOf).Met(Snoozed(SnoozeCondition.DepositReceived, SubjectKind.Project, "PRJ"));

        Assert.Null(reason);
    }

    [Fact]
    public void Met_PaymentAfterTheLedgersAsOf_IsNotYetKnown()
    {
        var ledger = Ledger().Payment("PAY-1", "P1", 200m, AsOf.AddDays(1));

        var reason = new SnoozeConditions(ledger.Snapshot(), AsOf).Met(Snoozed(SnoozeCondition.PaymentReceived));

        Assert.Null(reason);
    }

    [Theory]
    [InlineData(SnoozeCondition.None)]
    [InlineData(SnoozeCondition.PaymentReceived)]
    public void Met_NoConditionOrNoStartRecorded_IsNeverMet(SnoozeCondition condition)
    {
        var ledger = Ledger().Payment("PAY-1", "P1", 200m, AsOf.AddDays(-1));
        var state = Snoozed(condition) with { SnoozedOn = condition == SnoozeCondition.None ? SnoozedOn : null };

        var reason = new SnoozeConditions(ledger.Snapshot(), AsOf).Met(state);

        Assert.Null(reason);
    }
}
