namespace Allometry.Core.Postgres.Tests.Exceptions.Screening;

using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Exceptions.Screening;
using Allometry.Testing;

/// <summary>The PayerChangeExposure screen: the declaring projects the liability map must see.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PayerChangeExposureScreenTests(PostgresFixture postgres)
{
    private static readonly DateOnly AsOf = new(2026, 11, 18);

    private readonly ScreenTestBed _bed = new(postgres);

    /// <summary>A builder hands a site to a developer (handoff P1 → DEV); another site of P1 has an open invoice.</summary>
    private static Imports.LedgerBatchBuilder Ledger(bool withDeclaringProject)
    {
        var b = ScreenLedger.New(AsOf).Payer("DEV", "Développements Nord inc.");
        b.EntityLinks.Add(new EntityLink { FromPayerId = ScreenLedger.Payer, ToPayerId = "DEV", Kind = EntityLinkKind.Handoff, EffectiveDate = new DateOnly(2026, 5, 1) });
        if (withDeclaringProject)
        {
            b.Projects.Add(ScreenLedger.Project("HANDED") with { CurrentPayerId = "DEV" });
            b.Invoices.Add(ScreenLedger.Paid("H-1", "HANDED", InvoiceKind.Progress, 1_000m, new DateOnly(2026, 4, 1)));
        }
        b.Projects.Add(ScreenLedger.Project("KEPT"));
        b.Invoices.Add(ScreenLedger.Paid("K-1", "KEPT", InvoiceKind.Progress, 1_000m, new DateOnly(2026, 10, 1)) with { Balance = 1_000m, Status = InvoiceStatus.Open });
        return b;
    }

    [Fact]
    public async Task RunAsync_HandoffScopedByAPaidUpProject_NamesThatProjectOnly()
    {
        // Arrange
        var tenant = await _bed.ImportAsync(Ledger(withDeclaringProject: true).Build());
        var without = await _bed.ImportAsync(Ledger(withDeclaringProject: false).Build());

        // Act
        var screened = await _bed.ScreenAsync(new PayerChangeExposureScreen(), tenant, AsOf);
        var whole = await _bed.FindingsAsync(tenant, "PayerChangeExposure", AsOf);
        var missingDeclarer = await _bed.FindingsAsync(without, "PayerChangeExposure", AsOf);

        // Assert: the handoff stays on HANDED while it is read; a read without it would expose KEPT.
        Assert.Equal(new[] { "HANDED" }, screened.ProjectIds);
        Assert.Empty(whole);
        Assert.Equal(new[] { "KEPT" }, missingDeclarer.Select(f => f.ProjectId));
    }
}
