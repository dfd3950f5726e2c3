namespace Allometry.Core.Postgres.Tests.Exceptions.Screening;

using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Exceptions.Screening;
using Allometry.Core.Postgres.Tests.Imports;
using Allometry.Testing;

/// <summary>RetainageAgedScreen at its rule's boundaries: an aged invoice whose balance is its holdback, and the near misses.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RetainageAgedScreenTests(PostgresFixture postgres)
{
    private static readonly DateOnly AsOf = new(2026, 11, 18);

    private readonly ScreenTestBed _bed = new(postgres);

    /// <summary>
    /// A Quebec project (no réception yet: no release date) with one progress invoice of 45,000.00
    /// before tax, due <paramref name="daysPastDue"/> days before the as-of date, left with <paramref name="balance"/>.
    /// </summary>
    private static Invoice Aged(LedgerBatchBuilder b, string project, decimal balance, decimal total = 45_000m, decimal retainageHeld = 4_500m, int daysPastDue = 90)
    {
        b.Projects.Add(ScreenLedger.Project(project) with { SupplyType = SupplyType.Construction });
        var issued = AsOf.AddDays(-daysPastDue - 30);
        var invoice = ScreenLedger.Paid("PRG-" + project, project, InvoiceKind.Progress, 45_000m, issued) with
        {
            Total = total,
            Balance = balance,
            Status = InvoiceStatus.Open,
            RetainageHeld = retainageHeld,
        };
        b.Invoices.Add(invoice);
        return invoice;
    }

    [Fact]
    public async Task RunAsync_HoldbackInTheBalanceBoundaries_NamesExactlyTheProjectsTheRuleReports()
    {
        // Arrange
        var b = ScreenLedger.New(AsOf);
        Aged(b, "EXACT", balance: 4_500m);                                   // the holdback, to the cent
        Aged(b, "TAXED", balance: 5_175m, total: 51_750m);                   // the holdback with its 15 % tax
        Aged(b, "EDGE", balance: 4_501m);                                    // within the 1.00 tolerance
        Aged(b, "OVER", balance: 4_502.50m);                                 // past it
        Aged(b, "UNPAID", balance: 45_000m);                                 // nothing paid: overdue, not holdback
        Aged(b, "YOUNG", balance: 4_500m, daysPastDue: 60);                  // 60 days: not yet aged
        Aged(b, "AGED61", balance: 4_500m, daysPastDue: 61);
        var held = Aged(b, "HOLDS", balance: 4_500m, retainageHeld: 0m);     // the holdback recorded as holds only
        b.Retainage.Add(ScreenLedger.Hold("HOLDS", held.InvoiceId, 4_500m));
        var smaller = Aged(b, "HOLDWINS", balance: 4_500m);                  // a hold names it: the hold's 2,000.00, not the column, is its holdback
        b.Retainage.Add(ScreenLedger.Hold("HOLDWINS", smaller.InvoiceId, 2_000m));
        var released = Aged(b, "RELEASED", balance: 4_500m);                 // its hold is released: no holdback left on it
        b.Retainage.Add(ScreenLedger.Hold("RELEASED", released.InvoiceId, 4_500m) with { ReleasedOn = AsOf.AddDays(-5) });
        var tenant = await _bed.ImportAsync(b.Build());

        // Act
        var (reported, screened) = await _bed.CompareAsync(new RetainageAgedScreen(), tenant, "RetainageAgedMisclassified", AsOf);

        // Assert
        Assert.Equal(new[] { "AGED61", "EDGE", "EXACT", "HOLDS", "TAXED" }, reported.Order(StringComparer.Ordinal));
        Assert.Equal(reported.Order(StringComparer.Ordinal), screened.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(0.50, false)]
    [InlineData(2.00, true)]
    public async Task RunAsync_ToleranceSetting_FollowsTheRule(double tolerance, bool named)
    {
        // Arrange: 1.50 over the holdback.
        var b = ScreenLedger.New(AsOf);
        Aged(b, "NEAR", balance: 4_501.50m);
        var tenant = await _bed.ImportAsync(b.Build());
        var settings = Allometry.Core.Rules.RuleSettings.Default with { RetainageTolerance = (decimal)tolerance };

        // Act
        var (reported, screened) = await _bed.CompareAsync(new RetainageAgedScreen(), tenant, "RetainageAgedMisclassified", AsOf, settings);

        // Assert
        Assert.Equal(named, reported.Contains("NEAR"));
        Assert.Equal(named, screened.Contains("NEAR"));
    }
}
