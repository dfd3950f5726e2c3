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
        // Another payer's projects: one with nothing that can move (not a candidate), one whose
        // invoices a third party pays, one with an open invoice billed to someone else.
        b.Payer("P2").Payer("P3");
        foreach (var id in new[] { "PLAIN", "THIRD", "OTHER" })
        {
            b.Projects.Add(ScreenLedger.Project(id) with { ContractPayerId = "P2" });
            b.Invoices.Add(ScreenLedger.Paid("O-" + id, id, InvoiceKind.Progress, 1_000m, new DateOnly(2026, 10, 1)) with
            {
                PayerId = id == "OTHER" ? "P3" : "P2", Balance = 1_000m, Status = InvoiceStatus.Open,
            });
        }
        for (var n = 1; n <= 3; n++)
        {
            b.Invoices.Add(ScreenLedger.Paid($"T-{n}", "THIRD", InvoiceKind.Progress, 500m, new DateOnly(2026, 6, n)) with { PayerId = "P2" });
            b.Payments.Add(new Payment { PaymentId = $"PAY-T{n}", PayerId = "P3", ReceivedOn = new DateOnly(2026, 7, n), Amount = 500m });
            b.Application($"PAY-T{n}", $"T-{n}", 500m);
        }
        return b;
    }

    [Fact]
    public async Task RunAsync_PayerChanges_NamesEveryProjectTheRuleReportsAndTheDeclaringOne()
    {
        // Arrange
        var tenant = await _bed.ImportAsync(Ledger(withDeclaringProject: true).Build());
        var without = await _bed.ImportAsync(Ledger(withDeclaringProject: false).Build());

        // Act
        var screened = await _bed.ScreenAsync(new PayerChangeExposureScreen(), tenant, AsOf);
        var whole = await _bed.FindingsAsync(tenant, "PayerChangeExposure", AsOf);
        var missingDeclarer = await _bed.FindingsAsync(without, "PayerChangeExposure", AsOf);

        // Assert: the handoff stays on HANDED while it is read (a read without it would expose
        // KEPT); KEPT's payer hands liability on, so it is a candidate too; PLAIN cannot move.
        Assert.Equal(new[] { "OTHER", "THIRD" }, whole.Select(f => f.ProjectId).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "HANDED", "KEPT", "OTHER", "THIRD" }, screened.ProjectIds.Order(StringComparer.Ordinal));
        Assert.Contains("KEPT", missingDeclarer.Select(f => f.ProjectId));
    }
}
