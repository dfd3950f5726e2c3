namespace Allometry.Core.Postgres.Tests.Exceptions.Screening;

using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Exceptions.Screening;
using Allometry.Core.Postgres.Tests.Imports;
using Allometry.Testing;

/// <summary>DepositGateUnpaid and DepositNotInvoiced screens at their rules' boundaries, on paid-up projects.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DepositScreenTests(PostgresFixture postgres)
{
    // A Wednesday: a quote accepted the Friday before is two business days past due.
    private static readonly DateOnly AsOf = new(2026, 11, 18);
    private static readonly DateOnly Accepted = new(2026, 10, 1);

    private readonly ScreenTestBed _bed = new(postgres);

    /// <summary>A project with a 30 % deposit on a 10,000.00 quote (3,000.00 required) and a paid deposit invoice.</summary>
    private static void GateProject(LedgerBatchBuilder b, string id, decimal? applied, Delivery? delivery = null)
    {
        b.Projects.Add(ScreenLedger.Project(id));
        b.Quotes.Add(ScreenLedger.Accepted("Q-" + id, id, 10_000m, Accepted, 30m));
        b.Deliveries.Add(delivery ?? ScreenLedger.Delivered(id, AsOf.AddDays(-8)));
        b.Invoices.Add(ScreenLedger.Paid("DEP-" + id, id, InvoiceKind.Deposit, 3_000m, Accepted.AddDays(1)));
        if (applied is { } amount) ScreenLedger.Pay(b, "PAY-" + id, "DEP-" + id, amount, Accepted.AddDays(5));
    }

    private static LedgerBatchBuilder GateLedger(decimal fullApplied = 3_000m, bool voidEdge = false)
    {
        var b = ScreenLedger.New(AsOf);
        GateProject(b, "SHORT", 2_998.99m);   // one cent below required − tolerance: fires, though paid up
        GateProject(b, "EDGE", 2_999.00m);    // exactly required − tolerance: does not
        GateProject(b, "FULL", fullApplied);
        GateProject(b, "LEAD7", null, new Delivery { ProjectId = "LEAD7", Milestone = "M1", ScheduledOn = AsOf.AddDays(7), Status = DeliveryStatus.Pending });
        GateProject(b, "LEAD8", null, new Delivery { ProjectId = "LEAD8", Milestone = "M1", ScheduledOn = AsOf.AddDays(8), Status = DeliveryStatus.Pending });
        if (voidEdge)
        {
            var i = b.Invoices.FindIndex(x => x.InvoiceId == "DEP-EDGE");
            b.Invoices[i] = b.Invoices[i] with { Status = InvoiceStatus.Void };
        }
        return b;
    }

    [Fact]
    public async Task RunAsync_DepositGateBoundaries_NamesExactlyTheShortProjects()
    {
        // Arrange
        var tenant = await _bed.ImportAsync(GateLedger().Build());

        // Act
        var (reported, screened) = await _bed.CompareAsync(new DepositGateUnpaidScreen(), tenant, "DepositGateUnpaid", AsOf);

        // Assert
        Assert.Equal(new[] { "LEAD7", "SHORT" }, reported.Order());
        Assert.Equal(new[] { "LEAD7", "SHORT" }, screened.Order());
    }

    [Fact]
    public async Task RunAsync_ApplicationsAndDepositsChangedByALaterImport_FollowsTheRule()
    {
        // Arrange: the second import lowers FULL's application (an update of payment_applications)
        // and voids EDGE's deposit invoice (an update of invoices): both now fall short.
        var tenant = await _bed.ImportAsync(GateLedger().Build());
        await _bed.ImportAsync(tenant, GateLedger(fullApplied: 2_000m, voidEdge: true).Build());

        // Act
        var (reported, screened) = await _bed.CompareAsync(new DepositGateUnpaidScreen(), tenant, "DepositGateUnpaid", AsOf);

        // Assert
        Assert.Equal(new[] { "EDGE", "FULL", "LEAD7", "SHORT" }, reported.Order());
        Assert.Equal(reported.Order(), screened.Order());
    }

    [Fact]
    public async Task RunAsync_DepositNotInvoicedBoundaries_NamesExactlyTheLateQuotesProjects()
    {
        // Arrange
        var b = ScreenLedger.New(AsOf);
        void Quote(string project, DateOnly accepted, decimal pct = 20m, InvoiceStatus? deposit = null, ProjectStatus? status = null)
        {
            b.Projects.Add(ScreenLedger.Project(project) with { Status = status });
            b.Quotes.Add(ScreenLedger.Accepted("Q-" + project, project, 10_000m, accepted, pct));
            if (deposit is { } s) b.Invoices.Add(ScreenLedger.Paid("DEP-" + project, project, InvoiceKind.Deposit, 2_000m, accepted) with { Status = s });
        }
        Quote("FRI", new DateOnly(2026, 11, 13));   // Mon, Tue, Wed: three business days > 2
        Quote("SUN", new DateOnly(2026, 11, 15));   // the same three
        Quote("MON", new DateOnly(2026, 11, 16));   // Tue, Wed: still within the grace
        Quote("VOID", Accepted, deposit: InvoiceStatus.Void);
        Quote("BILLED", Accepted, deposit: InvoiceStatus.Paid);
        Quote("CLOSED", Accepted, status: ProjectStatus.Closed);
        Quote("NOPCT", Accepted, pct: 0m);
        var tenant = await _bed.ImportAsync(b.Build());

        // Act
        var (reported, screened) = await _bed.CompareAsync(new DepositNotInvoicedScreen(), tenant, "DepositNotInvoiced", AsOf);

        // Assert
        Assert.Equal(new[] { "FRI", "SUN", "VOID" }, reported.Order());
        Assert.Equal(new[] { "FRI", "SUN", "VOID" }, screened.Order());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(5)]
    public async Task RunAsync_DepositNotInvoicedOtherGrace_FollowsTheRule(int grace)
    {
        // Arrange: a quote accepted every day of two weeks around the as-of date.
        var b = ScreenLedger.New(AsOf);
        for (var day = -10; day <= 3; day++)
        {
            var id = $"D{day + 10:00}";
            b.Projects.Add(ScreenLedger.Project(id));
            b.Quotes.Add(ScreenLedger.Accepted("Q-" + id, id, 10_000m, AsOf.AddDays(day), 20m));
        }
        var tenant = await _bed.ImportAsync(b.Build());
        var settings = Allometry.Core.Rules.RuleSettings.Default with { DepositInvoiceGraceBusinessDays = grace };

        // Act
        var (reported, screened) = await _bed.CompareAsync(new DepositNotInvoicedScreen(), tenant, "DepositNotInvoiced", AsOf, settings);

        // Assert
        Assert.NotEmpty(reported);
        Assert.Equal(reported.Order(), screened.Order());
    }

    [Fact]
    public async Task RunAsync_QuotesAndProjectsChangedByALaterImport_FollowsTheRules()
    {
        // Arrange: first no quote is accepted yet; the second import accepts them, closes one
        // project and gives another a deposit percentage its quote does not state (the
        // fallback): updates of quotes and projects recompute the projects' kept facts.
        LedgerBatchBuilder Ledger(bool later)
        {
            var b = ScreenLedger.New(AsOf);
            foreach (var id in new[] { "OPEN", "CLOSING", "FALLBACK" })
            {
                b.Projects.Add(ScreenLedger.Project(id) with
                {
                    Status = later && id == "CLOSING" ? ProjectStatus.Closed : ProjectStatus.Active,
                    DepositPct = later && id == "FALLBACK" ? 25m : null,
                });
                b.Quotes.Add(ScreenLedger.Accepted("Q-" + id, id, 10_000m, Accepted, id == "FALLBACK" ? null : 30m) with
                {
                    Status = later ? QuoteStatus.Accepted : QuoteStatus.Sent,
                    AcceptedOn = later ? Accepted : null,
                });
                b.Deliveries.Add(ScreenLedger.Delivered(id, AsOf.AddDays(-8)));
                b.Invoices.Add(ScreenLedger.Paid("PRG-" + id, id, InvoiceKind.Progress, 12_000m, Accepted.AddDays(10)));
                ScreenLedger.Pay(b, "PAY-" + id, "PRG-" + id, 12_000m, Accepted.AddDays(20));
            }
            return b;
        }
        var tenant = await _bed.ImportAsync(Ledger(later: false).Build());
        var before = await _bed.CompareAsync(new DepositGateUnpaidScreen(), tenant, "DepositGateUnpaid", AsOf);
        await _bed.ImportAsync(tenant, Ledger(later: true).Build());

        // Act
        var gate = await _bed.CompareAsync(new DepositGateUnpaidScreen(), tenant, "DepositGateUnpaid", AsOf);
        var notInvoiced = await _bed.CompareAsync(new DepositNotInvoicedScreen(), tenant, "DepositNotInvoiced", AsOf);
        var variance = await _bed.CompareAsync(new QuoteInvoiceVarianceScreen(), tenant, "QuoteInvoiceVariance", AsOf);

        // Assert
        Assert.Empty(before.Reported);
        Assert.Empty(before.Screened);
        Assert.Equal(new[] { "FALLBACK", "OPEN" }, gate.Reported.Order());
        Assert.Equal(gate.Reported.Order(), gate.Screened.Order());
        Assert.Equal(new[] { "FALLBACK", "OPEN" }, notInvoiced.Reported.Order());
        Assert.Equal(notInvoiced.Reported.Order(), notInvoiced.Screened.Order());
        Assert.Equal(new[] { "CLOSING", "FALLBACK", "OPEN" }, variance.Reported.Order());
        Assert.Equal(variance.Reported.Order(), variance.Screened.Order());
    }
}
