namespace Allometry.Core.Tests.Rules.Tax;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Tax;

public sealed class TaxProvinceMismatchRuleTests
{
    private static readonly TaxProvinceMismatchRule Rule = new();

    private static TestLedger Site(Province site, SupplyType supply = SupplyType.Construction, Province payer = Province.QC) =>
        new TestLedger().Payer("P1", payer).Project("PRJ", "P1", site, p => p with { SupplyType = supply });

    [Fact]
    public void Evaluate_QuebecTaxOnAnOntarioSite_HighWithAbsoluteDifference()
    {
        // Arrange: 10,000 of installation in Ottawa billed GST + QST (1,497.50) instead of HST (1,300.00).
        var ledger = Site(Province.ON).Invoice("F1", "P1", "PRJ", 10_000m,
            with: i => i.Taxed(gst: 500.00m, qst: 997.50m) with { TaxProvince = Province.QC });

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Equal("TaxProvinceMismatch", finding.RuleId);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal(new FindingSubject(SubjectKind.Invoice, "F1"), finding.Subject);
        Assert.Equal(197.50m, finding.AmountAtRisk);
        Assert.Equal("P1", finding.PayerId);
        Assert.Equal("PRJ", finding.ProjectId);
        Assert.Contains(finding.Evidence, e => e is { Sheet: "invoices", Field: "hst", Expected: "1300.00", Actual: "0.00" });
        Assert.Contains(finding.Evidence, e => e is { Sheet: "invoices", Field: "qst", Expected: "0.00", Actual: "997.50" } && e.Note!.En == "no QST due in ON");
        Assert.Contains(finding.Evidence, e => e is { Field: "hst" } && e.Note!.Fr == "TVH à 13\u00A0% sur 10\u00A0000,00");
        Assert.Contains(finding.Evidence, e => e is { Field: "tax_province", Expected: "ON", Actual: "QC" });
        Assert.Contains(finding.Evidence, e => e is { Sheet: "projects", RowId: "PRJ", Field: "site_province", Actual: "ON" });
        Assert.Contains("$1,300.00", finding.Detail.En, StringComparison.Ordinal);
        Assert.Contains("1\u00A0300,00\u00A0$", finding.Detail.Fr, StringComparison.Ordinal);
        TaxedInvoice.AssertBilingual(finding);
    }

    [Fact]
    public void Evaluate_OntarioHstOnAQuebecSite_Found()
    {
        // Arrange
        var ledger = Site(Province.QC).Invoice("F1", "P1", "PRJ", 1000m, with: i => i.Taxed(hst: 130.00m) with { TaxProvince = Province.ON });

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert: 130.00 charged, 149.75 due.
        Assert.Equal(19.75m, finding.AmountAtRisk);
        Assert.Contains("undercharged", finding.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_GstOnlyInAnHstProvince_Found()
    {
        // Arrange
        var ledger = Site(Province.NB, SupplyType.Goods).Invoice("F1", "P1", "PRJ", 1000m, with: i => i.Taxed(gst: 50.00m));

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Equal(100.00m, finding.AmountAtRisk);
        Assert.Contains(finding.Evidence, e => e is { Field: "gst", Expected: "0.00", Actual: "50.00" });
    }

    [Fact]
    public void Evaluate_PstOnTopOfHst_Found()
    {
        // Arrange
        var ledger = Site(Province.ON, SupplyType.Goods).Invoice("F1", "P1", "PRJ", 1000m, with: i => i.Taxed(hst: 130.00m, pst: 80.00m));

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Equal(80.00m, finding.AmountAtRisk);
        Assert.Contains(finding.Evidence, e => e is { Field: "pst", Expected: "0.00", Actual: "80.00" });
    }

    [Fact]
    public void Evaluate_OneCentOfPstInAlberta_FoundAlthoughWithinTolerance()
    {
        // Arrange: a component Alberta does not levy is wrong at any amount.
        var ledger = Site(Province.AB, SupplyType.Goods).Invoice("F1", "P1", "PRJ", 1000m, with: i => i.Taxed(gst: 50.00m, pst: 0.01m));

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Equal(0.01m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_ConstructionTaxedAtTheBillingAddress_Found()
    {
        // Arrange: an Ontario head office, a Quebec site; construction is taxed where the site is.
        var ledger = Site(Province.QC, SupplyType.Construction, payer: Province.ON)
            .Invoice("F1", "P1", "PRJ", 2000m, with: i => i.Taxed(hst: 260.00m) with { TaxProvince = Province.ON });

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert: 299.50 due.
        Assert.Equal(39.50m, finding.AmountAtRisk);
        Assert.Contains("construction", finding.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LeaseTaxedAtHeadOffice_Found()
    {
        // Arrange: lockers sit in Halifax; the Toronto head office's 13 % was charged.
        var ledger = Site(Province.NS, SupplyType.Lease, payer: Province.ON)
            .Invoice("F1", "P1", "PRJ", 1000m, with: i => i.Taxed(hst: 130.00m) with { TaxProvince = Province.ON });

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Equal(10.00m, finding.AmountAtRisk);
        Assert.Contains("leased equipment", finding.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ServiceTaxedAtTheRecipientsProvince_NoFinding()
    {
        // Arrange: a monitoring service for an Ontario site, billed to a Quebec payer, taxed QC.
        var ledger = Site(Province.ON, SupplyType.Service, payer: Province.QC)
            .Invoice("F1", "P1", "PRJ", 1000m, with: i => i.Taxed(gst: 50.00m, qst: 99.75m) with { TaxProvince = Province.QC });

        // Act
        var findings = ledger.Run(Rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_ServiceTaxedAtTheSite_Found()
    {
        // Arrange
        var ledger = Site(Province.ON, SupplyType.Service, payer: Province.QC)
            .Invoice("F1", "P1", "PRJ", 1000m, with: i => i.Taxed(hst: 130.00m) with { TaxProvince = Province.ON });

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Contains(finding.Evidence, e => e is { Sheet: "payers", RowId: "P1", Field: "province", Actual: "QC" });
    }

    [Theory]
    [InlineData(0.01, false)]
    [InlineData(-0.01, false)]
    [InlineData(0.02, true)]
    [InlineData(-0.02, true)]
    public void Evaluate_ComponentOffByAroundTheTolerance_FoundOnlyBeyondOneCent(double off, bool found)
    {
        // Arrange
        var ledger = Site(Province.QC).Invoice("F1", "P1", "PRJ", 1000m, with: i => i.Taxed(gst: 50.00m + (decimal)off, qst: 99.75m));

        // Act
        var findings = ledger.Run(Rule);

        // Assert
        Assert.Equal(found, findings.Count == 1);
    }

    [Fact]
    public void Evaluate_HalfCentQstRoundedToEven_WithinTolerance()
    {
        // Arrange: 60.00 × 9.975 % = 5.985 → 5.99; a system rounding to even prints 5.98.
        var ledger = Site(Province.QC).Invoice("F1", "P1", "PRJ", 60.00m, with: i => i.Taxed(gst: 3.00m, qst: 5.98m));

        // Act
        var findings = ledger.Run(Rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_PstChargedWhereTheSellerIsNotRegistered_Found()
    {
        // Arrange
        var ledger = Site(Province.BC, SupplyType.Goods).Invoice("F1", "P1", "PRJ", 1000m, with: i => i.Taxed(gst: 50.00m, pst: 70.00m));

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Equal(70.00m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_PstMissingWhereTheMetaRegistersTheSeller_Found()
    {
        // Arrange
        var ledger = Site(Province.BC, SupplyType.Goods).Invoice("F1", "P1", "PRJ", 1000m, with: i => i.Taxed(gst: 50.00m));
        ledger.Meta = ledger.Meta with { SellerPstRegistrations = [Province.BC] };

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Equal(70.00m, finding.AmountAtRisk);
        Assert.Contains(finding.Evidence, e => e is { Field: "pst", Expected: "70.00", Actual: "0.00" });
    }

    [Fact]
    public void Evaluate_PstChargedWhereTheSettingsRegisterTheSeller_NoFinding()
    {
        // Arrange
        var ledger = Site(Province.SK, SupplyType.Goods).Invoice("F1", "P1", "PRJ", 1000m, with: i => i.Taxed(gst: 50.00m, pst: 60.00m));
        var settings = new RuleSettings { SellerPstRegistrations = new HashSet<Province> { Province.SK } };

        // Act
        var findings = ledger.Run(Rule, settings);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_NoProjectButAComponentWrongForThePrintedProvince_Found()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1", Province.ON)
            .Invoice("F1", "P1", null, 1000m, with: i => i.Taxed(hst: 150.00m) with { TaxProvince = Province.ON });

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Equal(20.00m, finding.AmountAtRisk);
        Assert.Null(finding.ProjectId);
    }

    [Fact]
    public void Evaluate_NsHstAt14WhenTaxWasPayableBeforeTheChange_FoundAsUndercharge()
    {
        // Arrange: paid 2025-03-31, so 15 % applied; the invoice shows 14 %.
        var ledger = Site(Province.NS, payer: Province.NS)
            .Invoice("F1", "P1", "PRJ", 1000m, issued: new DateOnly(2025, 3, 20), due: new DateOnly(2025, 4, 19), with: i => i.Taxed(hst: 140.00m))
            .Payment("PM1", "P1", 1140.00m, new DateOnly(2025, 3, 31), ("F1", 1140.00m));

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Equal(10.00m, finding.AmountAtRisk);
        Assert.Contains(finding.Evidence, e => e is { Field: "due_date" } && e.Note!.En.Contains("first payment", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_CleanInvoicesOfEveryKind_NoFinding()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1", Province.QC).Payer("P2", Province.ON)
            .Project("QC1", "P1", Province.QC).Project("ON1", "P2", Province.ON).Project("NS1", "P2", Province.NS)
            .Invoice("F1", "P1", "QC1", 1234.56m).Invoice("F2", "P2", "ON1", 999.99m).Invoice("F3", "P2", "NS1", 50_000m)
            .Invoice("F4", "P1", "QC1", 0m);

        // Act
        var findings = ledger.Run(Rule);

        // Assert
        Assert.Empty(findings);
    }

    [Theory]
    [InlineData(InvoiceOrigin.AgingDetail)]
    [InlineData(InvoiceOrigin.AgingSummary)]
    public void Evaluate_AgingExportRow_Skipped(InvoiceOrigin origin)
    {
        // Arrange: aging rows carry no components, which would otherwise read as "no tax".
        var ledger = Site(Province.ON).Invoice("F1", "P1", "PRJ", 1000m, with: i => i.Taxed() with { Origin = origin, TaxProvince = null });

        // Act
        var findings = ledger.Run(Rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_VoidInvoice_Skipped()
    {
        // Arrange
        var ledger = Site(Province.ON).Invoice("F1", "P1", "PRJ", 1000m, with: i => i.Taxed(gst: 50.00m, qst: 99.75m) with { Status = InvoiceStatus.Void });

        // Act
        var findings = ledger.Run(Rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_PaidInvoice_StillFound()
    {
        // Arrange: the wrong tax was collected; a credit note and re-issue are still owed.
        var ledger = Site(Province.ON).Invoice("F1", "P1", "PRJ", 1000m,
            with: i => i.Taxed(gst: 50.00m, qst: 99.75m) with { Status = InvoiceStatus.Paid, Balance = 0m });

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Equal(19.75m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_CreditNoteRepeatingAWrongTax_Skipped()
    {
        // Arrange: reversing a QC-taxed invoice for an ON site must repeat its QC tax.
        var ledger = Site(Province.ON).Invoice("CN1", "P1", "PRJ", -1000m, kind: InvoiceKind.Other, with: i => i.Taxed(gst: -50.00m, qst: -99.75m));

        // Act
        var findings = ledger.Run(Rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_QstOnGstOrStaleNsRate_LeftToTheirOwnRules()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1", Province.QC).Payer("P2", Province.NS)
            .Project("QC1", "P1", Province.QC).Project("NS1", "P2", Province.NS)
            .Invoice("F1", "P1", "QC1", 1000m, with: i => i.Taxed(gst: 50.00m, qst: 104.74m))
            .Invoice("F2", "P2", "NS1", 1000m, with: i => i.Taxed(hst: 150.00m));

        // Act
        var findings = ledger.Run(Rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_StaleNsRateWithPstOnTop_IsAMismatch()
    {
        // Arrange: re-issuing at 14 % alone would not fix it.
        var ledger = Site(Province.NS, payer: Province.NS).Invoice("F1", "P1", "PRJ", 1000m, with: i => i.Taxed(hst: 150.00m, pst: 70.00m));

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Equal(80.00m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_SameTotalInTheWrongComponent_FoundWithZeroNetDifference()
    {
        // Arrange: 13 % printed as GST instead of HST in Ontario.
        var ledger = Site(Province.ON).Invoice("F1", "P1", "PRJ", 1000m, with: i => i.Taxed(gst: 130.00m));

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Equal(0.00m, finding.AmountAtRisk);
        Assert.Contains("wrong components", finding.Detail.En, StringComparison.Ordinal);
    }
}
