namespace Allometry.Core.Postgres.Tests.Exceptions.Screening;

using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Exceptions.Screening;
using Allometry.Core.Postgres.Tests.Imports;
using Allometry.Testing;

/// <summary>QuoteInvoiceVariance and RenewalPrebillDue screens at their rules' boundaries, on paid-up projects.</summary>
[Collection(PostgresCollection.Name)]
public sealed class QuoteAndRenewalScreenTests(PostgresFixture postgres)
{
    private static readonly DateOnly AsOf = new(2026, 11, 18);
    private static readonly DateOnly Issued = new(2026, 6, 1);

    private readonly ScreenTestBed _bed = new(postgres);

    /// <summary>A 10,000.00 quote billed <paramref name="invoiced"/> in two paid-up invoices; closed projects are completed.</summary>
    private static void Billed(LedgerBatchBuilder b, string id, decimal invoiced, bool closed)
    {
        b.Projects.Add(ScreenLedger.Project(id) with { Status = closed ? ProjectStatus.Closed : ProjectStatus.Active });
        b.Quotes.Add(ScreenLedger.Accepted("Q-" + id, id, 10_000m, Issued.AddDays(-30)));
        b.Invoices.Add(ScreenLedger.Paid("A-" + id, id, InvoiceKind.Progress, 5_000m, Issued));
        b.Invoices.Add(ScreenLedger.Paid("B-" + id, id, InvoiceKind.Progress, invoiced - 5_000m, Issued.AddDays(30)));
    }

    private static LedgerBatchBuilder VarianceLedger()
    {
        var b = ScreenLedger.New(AsOf);
        Billed(b, "FLOOR", 9_800m, closed: true);        // 98 % exactly: not leakage
        Billed(b, "LEAK", 9_799.99m, closed: true);
        Billed(b, "CEIL", 10_500m, closed: true);        // quoted + max(500, 2 %): not over-billed
        Billed(b, "OVER", 10_500.01m, closed: true);
        Billed(b, "DRIFT0", 11_000m, closed: false);     // 10 % over mid-project: not drift
        Billed(b, "DRIFT", 11_000.01m, closed: false);
        Billed(b, "UNDER", 5_000.01m, closed: false);    // under-billing mid-project is work to come
        return b;
    }

    [Fact]
    public async Task RunAsync_QuoteVarianceBoundaries_NamesExactlyTheStrayingProjects()
    {
        // Arrange
        var tenant = await _bed.ImportAsync(VarianceLedger().Build());

        // Act
        var (reported, screened) = await _bed.CompareAsync(new QuoteInvoiceVarianceScreen(), tenant, "QuoteInvoiceVariance", AsOf);

        // Assert
        Assert.Equal(new[] { "DRIFT", "LEAK", "OVER" }, reported.Order());
        Assert.Equal(new[] { "DRIFT", "LEAK", "OVER" }, screened.Order());
    }

    [Fact]
    public async Task RunAsync_InvoicesChangedByALaterImport_FollowsTheRule()
    {
        // Arrange: the second import voids one of FLOOR's invoices, moves DRIFT's second invoice to
        // UNDER, adds a final invoice to DRIFT0 (completed, within the allowance) and releases
        // nothing: inserts and updates through the parent table.
        var tenant = await _bed.ImportAsync(VarianceLedger().Build());
        var b = VarianceLedger();
        b.Invoices[b.Invoices.FindIndex(i => i.InvoiceId == "B-FLOOR")] = b.Invoices.Single(i => i.InvoiceId == "B-FLOOR") with { Status = InvoiceStatus.Void };
        b.Invoices[b.Invoices.FindIndex(i => i.InvoiceId == "B-DRIFT")] = b.Invoices.Single(i => i.InvoiceId == "B-DRIFT") with { ProjectId = "UNDER" };
        b.Invoices.Add(ScreenLedger.Paid("F-DRIFT0", "DRIFT0", InvoiceKind.Final, -600m, AsOf.AddDays(-3)));
        await _bed.ImportAsync(tenant, b.Build());

        // Act
        var (reported, screened) = await _bed.CompareAsync(new QuoteInvoiceVarianceScreen(), tenant, "QuoteInvoiceVariance", AsOf);

        // Assert
        Assert.Equal(new[] { "FLOOR", "LEAK", "OVER", "UNDER" }, reported.Order());
        Assert.Equal(reported.Order(), screened.Order());
    }

    [Fact]
    public async Task RunAsync_RenewalBoundaries_NamesExactlyTheUnbilledRenewals()
    {
        // Arrange
        var b = ScreenLedger.New(AsOf);
        void Contract(string project, DateOnly renewal, bool? active = null, DateOnly? billedOn = null)
        {
            b.Projects.Add(ScreenLedger.Project(project));
            string? named = null;
            if (billedOn is { } on)
            {
                named = "S-" + project;
                b.Invoices.Add(ScreenLedger.Paid(named, project, InvoiceKind.Service, 1_200m, on));
            }
            b.ServiceContracts.Add(new ServiceContract
            {
                ContractId = "C-" + project, PayerId = ScreenLedger.Payer, ProjectId = project, AnnualFee = 1_200m,
                RenewalDate = renewal, ServiceActive = active, LastRenewalInvoiceId = named,
            });
        }
        var renewal = AsOf.AddDays(60);
        Contract("N60", renewal);                                        // exactly the notice days: Medium
        Contract("N61", AsOf.AddDays(61));                               // not yet
        Contract("OPENS", renewal, billedOn: renewal.AddMonths(-6));     // billed the day the term's billing opens
        Contract("EARLY", renewal, billedOn: renewal.AddMonths(-6).AddDays(-1)); // that bills the current term
        Contract("LAPSED", AsOf.AddDays(-1));                            // lapsed, service active by default
        Contract("ENDED", AsOf.AddDays(-1), active: false);              // lapsed and over
        var tenant = await _bed.ImportAsync(b.Build());

        // Act
        var (reported, screened) = await _bed.CompareAsync(new RenewalPrebillDueScreen(), tenant, "RenewalPrebillDue", AsOf);

        // Assert
        Assert.Equal(new[] { "EARLY", "LAPSED", "N60" }, reported.Order());
        Assert.Equal(new[] { "EARLY", "LAPSED", "N60" }, screened.Order());
    }
}
