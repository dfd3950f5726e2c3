namespace Allometry.Core.Postgres.Tests.Exceptions.Screening;

using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Exceptions.Screening;
using Allometry.Core.Postgres.Tests.Imports;
using Allometry.Core.Rules;
using Allometry.Testing;

/// <summary>The retainage screens at their rules' boundaries, on paid-up projects whose retainage is still held.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RetainageScreenTests(PostgresFixture postgres)
{
    private static readonly DateOnly AsOf = new(2026, 11, 18);

    private readonly ScreenTestBed _bed = new(postgres);

    /// <summary>A construction project with one paid-up progress invoice and 5,000.00 held from it.</summary>
    private static void Held(LedgerBatchBuilder b, Project project, DateOnly issued, DateOnly? releaseDueOn = null, bool released = false)
    {
        b.Projects.Add(project with { SupplyType = SupplyType.Construction });
        var invoice = "PRG-" + project.ProjectId;
        b.Invoices.Add(ScreenLedger.Paid(invoice, project.ProjectId, InvoiceKind.Progress, 45_000m, issued) with { RetainageHeld = 5_000m });
        b.Retainage.Add(ScreenLedger.Hold(project.ProjectId, invoice, 5_000m, releaseDueOn) with { ReleasedOn = released ? issued.AddDays(200) : null });
    }

    [Fact]
    public async Task RunAsync_ReleaseDueBoundaries_NamesEveryDueProjectAndNoneNotYetDue()
    {
        // Arrange
        var b = ScreenLedger.New(AsOf);
        var issued = new DateOnly(2026, 3, 2);
        Held(b, ScreenLedger.Project("CSP61", Province.ON) with { CspPublishedOn = AsOf.AddDays(-61) }, issued);   // day 61: due
        Held(b, ScreenLedger.Project("CSP60", Province.ON) with { CspPublishedOn = AsOf.AddDays(-60) }, issued);   // day 60: lien period
        Held(b, ScreenLedger.Project("REC31", Province.QC) with { ReceptionOn = AsOf.AddDays(-31) }, issued);      // réception + 30 passed
        Held(b, ScreenLedger.Project("REC30", Province.QC) with { ReceptionOn = AsOf.AddDays(-30) }, issued);      // due today, not late
        Held(b, ScreenLedger.Project("RECORDED", Province.QC), issued, releaseDueOn: AsOf.AddDays(-1));
        Held(b, ScreenLedger.Project("LATER", Province.QC), issued, releaseDueOn: AsOf);
        Held(b, ScreenLedger.Project("NODATE", Province.ON), issued);                                            // nothing sets a date yet
        Held(b, ScreenLedger.Project("RELEASED", Province.ON) with { CspPublishedOn = AsOf.AddDays(-200) }, issued, released: true);
        Held(b, ScreenLedger.Project("FINAL", Province.ON) with { ReleaseRule = ReleaseRule.DaysAfterFinal, ReleaseDays = 10 }, issued);
        b.Invoices.Add(ScreenLedger.Paid("FIN-FINAL", "FINAL", InvoiceKind.Final, 1_000m, AsOf.AddDays(-11)));
        var tenant = await _bed.ImportAsync(b.Build());
        var screen = new ReleaseDueScreen();

        // Act
        var (holdback, screened) = await _bed.CompareAsync(screen, tenant, "HoldbackReleaseDue", AsOf);
        var (retenue, _) = await _bed.CompareAsync(screen, tenant, "RetenueReleaseDue", AsOf);

        // Assert
        Assert.Equal(new[] { "CSP61", "FINAL" }, holdback.Order());
        Assert.Equal(new[] { "REC31", "RECORDED" }, retenue.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "CSP61", "FINAL", "REC31", "RECORDED" }, screened.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("2025-03-10", "2027-03-25", true)]   // made before 2026: its second anniversary after the start, + 14 days
    [InlineData("2025-03-10", "2027-03-24", false)]
    [InlineData("2024-02-29", "2027-03-15", true)]   // Feb 29 falls on Feb 28 in 2027
    [InlineData("2024-02-29", "2027-03-14", false)]
    [InlineData("2026-01-01", "2027-01-16", true)]   // made on the start: its first anniversary
    [InlineData("2026-01-01", "2027-01-15", false)]
    [InlineData("2025-12-31", "2027-06-01", false)]  // the day before the start: not before 2028-01-14
    public async Task RunAsync_OntarioAnnualRelease_NamesTheProjectFromTheDayItIsLate(string contract, string asOf, bool due)
    {
        // Arrange
        var on = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture);
        var b = ScreenLedger.New(on);
        Held(b, ScreenLedger.Project("ANNUAL", Province.ON) with { ContractDate = DateOnly.Parse(contract, System.Globalization.CultureInfo.InvariantCulture) },
            new DateOnly(2026, 2, 2));
        var tenant = await _bed.ImportAsync(b.Build());

        // Act
        var (reported, screened) = await _bed.CompareAsync(new ReleaseDueScreen(), tenant, "HoldbackReleaseDue", on);

        // Assert
        Assert.Equal(due, reported.Contains("ANNUAL"));
        Assert.Equal(due, screened.Contains("ANNUAL"));
    }

    [Fact]
    public async Task RunAsync_HypothecWindow_NamesTheProjectsInTheLastWarningDays()
    {
        // Arrange: every project is paid up; the retainage still held is what is owed.
        var b = ScreenLedger.New(AsOf);
        foreach (var (id, daysAgo) in new[] { ("LAST", 30), ("CLOSED", 31), ("LEFT7", 23), ("LEFT8", 22) })
        {
            Held(b, ScreenLedger.Project(id, Province.QC) with { FinTravauxOn = AsOf.AddDays(-daysAgo) }, new DateOnly(2026, 6, 1));
        }
        var tenant = await _bed.ImportAsync(b.Build());

        // Act
        var (reported, screened) = await _bed.CompareAsync(new HypothecDeadlineScreen(), tenant, "HypothecDeadline", AsOf);

        // Assert
        Assert.Equal(new[] { "LAST", "LEFT7" }, reported.Order());
        Assert.Equal(new[] { "LAST", "LEFT7" }, screened.Order());
    }

    [Fact]
    public async Task RunAsync_RetainageNeverInvoicedBoundaries_NamesExactlyTheUnbilledProjects()
    {
        // Arrange
        var b = ScreenLedger.New(AsOf);
        void Final(string id, int daysAgo, decimal releasedSubtotal, bool withHold = true)
        {
            var project = ScreenLedger.Project(id);
            if (withHold) Held(b, project, new DateOnly(2026, 3, 2));
            else
            {
                b.Projects.Add(project);
                b.Invoices.Add(ScreenLedger.Paid("PRG-" + id, id, InvoiceKind.Progress, 45_000m, new DateOnly(2026, 3, 2)) with { RetainageHeld = 5_000m });
            }
            b.Invoices.Add(ScreenLedger.Paid("FIN-" + id, id, InvoiceKind.Final, 10_000m, AsOf.AddDays(-daysAgo)));
            if (releasedSubtotal != 0m) b.Invoices.Add(ScreenLedger.Paid("REL-" + id, id, InvoiceKind.RetainageRelease, releasedSubtotal, AsOf.AddDays(-5)));
        }
        Final("DAY30", 30, 0m);
        Final("DAY29", 29, 0m);
        Final("WITHIN", 90, 4_999m);           // 1.00 unbilled: rounding
        Final("SHORT", 90, 4_998.99m);
        Final("COLUMN", 90, 0m, withHold: false); // no hold: the invoice's retainage_held column
        var tenant = await _bed.ImportAsync(b.Build());

        // Act
        var (reported, screened) = await _bed.CompareAsync(new RetainageNeverInvoicedScreen(), tenant, "RetainageNeverInvoiced", AsOf);

        // Assert
        Assert.Equal(new[] { "COLUMN", "DAY30", "SHORT" }, reported.Order());
        Assert.Equal(new[] { "COLUMN", "DAY30", "SHORT" }, screened.Order());
    }

    [Fact]
    public async Task RunAsync_PromptPaymentWithNegativeTolerance_NamesThePaidUpProjectTheRuleReports()
    {
        // Arrange: a tolerance below zero makes a paid invoice "unpaid by more than the tolerance".
        var b = ScreenLedger.New(AsOf);
        b.Projects.Add(ScreenLedger.Project("ONT", Province.ON) with { SupplyType = SupplyType.Construction, ContractDate = new DateOnly(2025, 1, 10) });
        b.Invoices.Add(ScreenLedger.Paid("PRG-ONT", "ONT", InvoiceKind.Progress, 10_000m, AsOf.AddDays(-29)));
        var tenant = await _bed.ImportAsync(b.Build());
        var settings = RuleSettings.Default with { ShortPayTolerance = -0.01m };

        // Act
        var (reported, screened) = await _bed.CompareAsync(new PromptPaymentBreachScreen(), tenant, "PromptPaymentBreach", AsOf, settings);
        var (byDefault, screenedByDefault) = await _bed.CompareAsync(new PromptPaymentBreachScreen(), tenant, "PromptPaymentBreach", AsOf);

        // Assert
        Assert.Equal(new[] { "ONT" }, reported);
        Assert.Equal(new[] { "ONT" }, screened);
        Assert.Empty(byDefault);
        Assert.Empty(screenedByDefault);
    }
}
