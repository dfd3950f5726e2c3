namespace Allometry.Core.Tests.Rules.Collections;

using Allometry.Core.Exceptions;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Collections;

public sealed class CollectionsClosureTests
{
    private static readonly DateOnly AsOf = TestLedger.AsOf;

    [Fact]
    public void ClosureReason_OverdueInvoicePaidInFull_NamesTheLastPaymentDate()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P").Invoice("F1", "P", null, 1_000m, due: AsOf.AddDays(-40), balance: 0m)
            .Payment("M1", "P", 1_149.75m, AsOf.AddDays(-2), ("F1", 1_149.75m));
        IExplainsClosure rule = new OverdueInvoiceRule();

        // Act
        var reason = rule.ClosureReason(new FindingSubject(SubjectKind.Invoice, "F1"), ledger.Context());

        // Assert
        Assert.NotNull(reason);
        Assert.Equal("paid in full (last payment 2026-11-18)", reason.En);
        Assert.Equal("payée en totalité (dernier paiement le 2026-11-18)", reason.Fr);
    }

    [Fact]
    public void ClosureReason_ShortPaidInvoiceVoided_SaysVoided()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P").Invoice("F1", "P", null, 1_000m, with: i => i with { Status = InvoiceStatus.Void });
        IExplainsClosure rule = new ShortPayUnresolvedRule();

        // Act
        var reason = rule.ClosureReason(new FindingSubject(SubjectKind.Invoice, "F1"), ledger.Context());

        // Assert
        Assert.Equal("invoice voided", reason?.En);
    }

    [Fact]
    public void ClosureReason_InvoiceStillOpen_LeavesTheGenericReason()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P").Invoice("F1", "P", null, 1_000m);
        IExplainsClosure rule = new BrokenPromiseRule();

        // Act
        var reason = rule.ClosureReason(new FindingSubject(SubjectKind.Invoice, "F1"), ledger.Context());

        // Assert
        Assert.Null(reason);
    }

    [Fact]
    public void ClosureReason_UnappliedPaymentNowApplied_SaysCashApplied()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P").Invoice("F1", "P", null, 1_000m, balance: 0m)
            .Payment("M1", "P", 1_149.75m, AsOf.AddDays(-20), ("F1", 1_149.75m));
        IExplainsClosure rule = new UnappliedCashRule();

        // Act
        var reason = rule.ClosureReason(new FindingSubject(SubjectKind.Payment, "M1"), ledger.Context());

        // Assert
        Assert.Equal("cash applied", reason?.En);
        Assert.Equal("encaissement appliqué", reason?.Fr);
    }

    [Fact]
    public void ClosureReason_UnappliedPaymentButNothingOpen_SaysNoOpenInvoiceLeft()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P").Payment("M1", "P", 500m, AsOf.AddDays(-20));
        IExplainsClosure rule = new UnappliedCashRule();

        // Act
        var reason = rule.ClosureReason(new FindingSubject(SubjectKind.Payment, "M1"), ledger.Context());

        // Assert
        Assert.Equal("no open invoice left for the payer", reason?.En);
    }

    [Fact]
    public void ClosureReason_ProjectWithNothingOpen_SaysSoAndNotWhileOpen()
    {
        // Arrange
        var closed = new TestLedger().Payer("B").Project("PRJ", "B", Province.QC).Invoice("F1", "B", "PRJ", 1_000m, balance: 0m);
        var open = new TestLedger().Payer("B").Project("PRJ", "B", Province.QC).Invoice("F1", "B", "PRJ", 1_000m);
        IExplainsClosure rule = new PayerChangeExposureRule();
        var subject = new FindingSubject(SubjectKind.Project, "PRJ");

        // Act
        var whenClosed = rule.ClosureReason(subject, closed.Context());
        var whenOpen = rule.ClosureReason(subject, open.Context());

        // Assert
        Assert.Equal("no open invoice left on the project", whenClosed?.En);
        Assert.Null(whenOpen);
    }
}
