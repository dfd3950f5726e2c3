namespace Allometry.Core.Tests.Rules.Tax;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Tax;

public sealed class QstBaseErrorRuleTests
{
    private static readonly QstBaseErrorRule Rule = new();

    private static TestLedger Quebec() =>
        new TestLedger().Payer("P1", Province.QC).Project("PRJ", "P1", Province.QC, p => p with { SupplyType = SupplyType.Goods });

    [Fact]
    public void Evaluate_QstOnSubtotalPlusGst_MediumWithTheOvercharge()
    {
        // Arrange: 1,500.00 → GST 75.00; QST 9.975 % × 1,575.00 = 157.11 instead of 149.63.
        var ledger = Quebec().Invoice("F1", "P1", "PRJ", 1500.00m, with: i => i.Taxed(gst: 75.00m, qst: 157.11m));

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Equal("QstBaseError", finding.RuleId);
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Equal(new FindingSubject(SubjectKind.Invoice, "F1"), finding.Subject);
        Assert.Equal(7.48m, finding.AmountAtRisk);
        Assert.Contains(finding.Evidence, e => e is { Field: "qst", Expected: "149.63", Actual: "157.11" });
        Assert.Contains(finding.Evidence, e => e is { Field: "qst", Expected: null, Actual: "157.11" } && e.Note!.En.Contains("(1,575.00) = 157.11", StringComparison.Ordinal));
        Assert.Contains("$149.63", finding.Detail.En, StringComparison.Ordinal);
        Assert.Contains("149,63\u00A0$", finding.Detail.Fr, StringComparison.Ordinal);
        TaxedInvoice.AssertBilingual(finding);
    }

    [Theory]
    [InlineData(157.10)]
    [InlineData(157.12)]
    public void Evaluate_QstOnGstWithinOneCentOfTheWrongBase_StillFound(double qst)
    {
        // Arrange
        var ledger = Quebec().Invoice("F1", "P1", "PRJ", 1500.00m, with: i => i.Taxed(gst: 75.00m, qst: (decimal)qst));

        // Act
        var findings = ledger.Run(Rule);

        // Assert
        Assert.Single(findings);
    }

    [Theory]
    [InlineData(149.63)]
    [InlineData(149.64)]
    [InlineData(149.62)]
    public void Evaluate_QstOnThePriceExcludingGst_NoFinding(double qst)
    {
        // Arrange
        var ledger = Quebec().Invoice("F1", "P1", "PRJ", 1500.00m, with: i => i.Taxed(gst: 75.00m, qst: (decimal)qst));

        // Act
        var findings = ledger.Run(Rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_QstWrongButNotOnTheGstBase_IsNotThisRule()
    {
        // Arrange: 10 % instead of 9.975 % is a different mistake.
        var ledger = Quebec().Invoice("F1", "P1", "PRJ", 1500.00m, with: i => i.Taxed(gst: 75.00m, qst: 150.00m));

        // Act
        var qstBase = ledger.Run(Rule);
        var mismatch = ledger.Run(new TaxProvinceMismatchRule());

        // Assert
        Assert.Empty(qstBase);
        Assert.Single(mismatch);
    }

    [Fact]
    public void Evaluate_QstOnGstOnAnOntarioSite_ReportedOnceAsAMismatch()
    {
        // Arrange: the province is wrong in the first place.
        var ledger = new TestLedger().Payer("P1", Province.QC).Project("PRJ", "P1", Province.ON)
            .Invoice("F1", "P1", "PRJ", 1500.00m, with: i => i.Taxed(gst: 75.00m, qst: 157.11m));

        // Act
        var qstBase = ledger.Run(Rule);
        var mismatch = ledger.Run(new TaxProvinceMismatchRule());

        // Assert
        Assert.Empty(qstBase);
        Assert.Single(mismatch);
    }

    [Fact]
    public void Evaluate_QstOnGstAndGstAlsoWrong_ReportedOnceAsAMismatch()
    {
        // Arrange
        var ledger = Quebec().Invoice("F1", "P1", "PRJ", 1500.00m, with: i => i.Taxed(gst: 80.00m, qst: 157.61m));

        // Act
        var qstBase = ledger.Run(Rule);
        var mismatch = ledger.Run(new TaxProvinceMismatchRule());

        // Assert
        Assert.Empty(qstBase);
        Assert.Single(mismatch);
    }

    [Fact]
    public void Evaluate_HalfCentOnTheWrongBase_RoundsUpToo()
    {
        // Arrange: 57.14 + GST 2.86 = 60.00; 9.975 % of it is 5.985 → 5.99; the right QST is 5.70.
        var ledger = Quebec().Invoice("F1", "P1", "PRJ", 57.14m, with: i => i.Taxed(gst: 2.86m, qst: 5.99m));

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Equal(0.29m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_CreditNoteOrAgingRow_Skipped()
    {
        // Arrange
        var ledger = Quebec()
            .Invoice("CN1", "P1", "PRJ", -1500.00m, with: i => i.Taxed(gst: -75.00m, qst: -157.11m))
            .Invoice("A1", "P1", "PRJ", 1500.00m, with: i => i.Taxed(gst: 75.00m, qst: 157.11m) with { Origin = InvoiceOrigin.AgingDetail });

        // Act
        var findings = ledger.Run(Rule);

        // Assert
        Assert.Empty(findings);
    }
}
