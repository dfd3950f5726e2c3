namespace Allometry.Core.Tests.Sample;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Sample;

public sealed class SampleOperatorGeneratorTests
{
    [Fact]
    public void Generate_SameSeedTwice_GivesIdenticalLedger()
    {
        // Arrange
        var first = SampleOperatorGenerator.Generate();

        // Act
        var second = SampleOperatorGenerator.Generate();

        // Assert
        Assert.Equal(SampleViews.Dump(first), SampleViews.Dump(second));
    }

    [Fact]
    public void Generate_DifferentSeed_GivesDifferentLedger()
    {
        // Arrange
        var reference = SampleOperatorGenerator.Generate(SampleOperatorGenerator.DefaultSeed);

        // Act
        var other = SampleOperatorGenerator.Generate(SampleOperatorGenerator.DefaultSeed + 1);

        // Assert
        Assert.NotEqual(SampleViews.Dump(reference), SampleViews.Dump(other));
        Assert.NotEqual(reference.Invoices.Sum(i => i.Total), other.Invoices.Sum(i => i.Total));
    }

    [Fact]
    public void Generate_Defaults_UseTheReferenceSeedAndAsOf()
    {
        // Act
        var ledger = SampleOperatorGenerator.Generate();

        // Assert
        Assert.Equal(20261121, ledger.Seed);
        Assert.Equal(new DateOnly(2026, 11, 20), ledger.Meta.AsOf);
    }

    [Fact]
    public void Generate_OtherAsOf_DatesFollowTheParameter()
    {
        // Arrange
        var asOf = new DateOnly(2027, 3, 15);

        // Act
        var ledger = SampleOperatorGenerator.Generate(asOf: asOf);

        // Assert
        Assert.Equal(asOf, ledger.Meta.AsOf);
        Assert.All(ledger.Invoices, i => Assert.True(i.IssueDate < asOf, i.InvoiceId));
        Assert.All(ledger.Payments, p => Assert.True(p.ReceivedOn < asOf, p.PaymentId));
        Assert.Contains(ledger.Invoices, i => i.IssueDate > new DateOnly(2026, 12, 31));
    }

    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-06-30")]
    [InlineData("2027-12-31")]
    public void Generate_OtherAsOf_StillPlantsEveryRuleWithPositiveAmounts(string asOf)
    {
        // Act
        var ledger = SampleOperatorGenerator.Generate(asOf: DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));

        // Assert
        Assert.Equal(PlantedCaseTests.Catalogue.Order(), ledger.PlantedCases.Select(c => c.RuleId).Distinct().Order());
        Assert.All(ledger.PlantedCases, c => Assert.True(c.AmountAtRisk > 0m, c.RuleId));
        Assert.All(ledger.Invoices, i => Assert.Equal(i.Subtotal + i.Gst + i.Hst + i.Qst + i.Pst, i.Total));
    }

    [Fact]
    public void Generate_AsOfBeforeEarliest_Throws()
    {
        // Act
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SampleOperatorGenerator.Generate(asOf: new DateOnly(2025, 6, 30)));

        // Assert
        Assert.Equal("asOf", error.ParamName);
    }

    [Fact]
    public void ToBatch_Sample_HasEverySheetAndTheSameRows()
    {
        // Arrange
        var ledger = SampleOperatorGenerator.Generate();

        // Act
        var batch = ledger.ToBatch();

        // Assert
        Assert.Equal(LedgerSheets.All.Order(), batch.PresentSheets.Order());
        Assert.Same(ledger.Meta, batch.Meta);
        Assert.Equal(ledger.Invoices, batch.Invoices);
        Assert.Equal(ledger.Retainage, batch.Retainage);
        Assert.Equal(ledger.BankTransactions, batch.BankTransactions);
        Assert.All(batch.Invoices, i => Assert.Equal(RowRef.None, i.Source));
    }
}
