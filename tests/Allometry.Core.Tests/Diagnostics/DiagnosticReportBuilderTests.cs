namespace Allometry.Core.Tests.Diagnostics;

using System.Globalization;
using Allometry.Core.Aging;
using Allometry.Core.Diagnostics;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Tests.Rules;

public sealed class DiagnosticReportBuilderTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Fact]
    public void Build_Findings_TotalsByRuleLargestFirstAndTopItemsInEngineOrder()
    {
        var ledger = new TestLedger().Payer("P1", name: "Toitures Pelletier").Project("PRJ", "P1", Province.QC)
            .Plain("F1", "P1", D(11, 1), D(12, 1), 100.00m, 100.00m);
        IRule[] rules =
        [
            new FakeRule("OverdueInvoice", [LedgerSheets.Invoices],
                FakeRule.Finding("OverdueInvoice", Severity.Low, 10.10m, "F1", "P1"),
                FakeRule.Finding("OverdueInvoice", Severity.Medium, 20.20m, "F2", "P1")),
            new FakeRule("RetenueReleaseDue", [LedgerSheets.Projects, LedgerSheets.Invoices],
                FakeRule.Finding("RetenueReleaseDue", Severity.High, 5.05m, "F3", "P1", "PRJ")),
        ];

        var report = DiagnosticLedgers.Report(ledger, rules: rules, options: new DiagnosticOptions { TopItems = 2 });

        Assert.Equal(["OverdueInvoice", "RetenueReleaseDue"], report.ByRule.Select(r => r.RuleId));
        var overdue = report.ByRule[0];
        Assert.Equal((2, 30.30m, Severity.Medium, DiagnosticTopic.Collections), (overdue.Findings, overdue.AmountAtRisk, overdue.HighestSeverity, overdue.Topic));
        Assert.Equal("Overdue invoice", overdue.Name.En);
        Assert.Equal("Facture en souffrance", overdue.Name.Fr);
        Assert.Equal(3, report.Summary.Findings);
        Assert.Equal(35.35m, report.Summary.MoneyAtRisk);
        Assert.Equal([0, 1, 1, 1, 0], report.Summary.BySeverity.Select(s => s.Findings));
        Assert.Equal(2, report.TopItems.Count);
        var top = report.TopItems[0];
        Assert.Equal(("RetenueReleaseDue", Severity.High, 5.05m, "Toitures Pelletier", "Project PRJ"), (top.RuleId, top.Severity, top.AmountAtRisk, top.PayerName, top.ProjectName));
        var evidence = Assert.Single(top.Evidence);
        Assert.Equal(("invoices", "F3", "balance", "0.00", "5.05"), (evidence.Sheet, evidence.RowId, evidence.Field, evidence.Expected, evidence.Actual));
        Assert.Equal(1, report.Retainage.Rules.Findings);
        Assert.Equal(5.05m, report.Retainage.Rules.AmountAtRisk);
        Assert.Equal(["RetenueReleaseDue"], report.Retainage.Rules.RuleIds);
    }

    [Fact]
    public void Build_BareAgingExport_OnlyInvoiceRulesRunAndEachMissingSheetSaysWhatItEnables()
    {
        var ledger = new TestLedger().Payer("P1")
            .Plain("AGING-1", "P1", D(11, 20), D(11, 20), 700.00m, 700.00m, origin: InvoiceOrigin.AgingSummary);
        IRule[] rules =
        [
            new FakeRule("OverdueInvoice", [LedgerSheets.Invoices]),
            new FakeRule("QuoteInvoiceVariance", [LedgerSheets.Quotes, LedgerSheets.Invoices]),
            new FakeRule("DepositGateUnpaid", [LedgerSheets.Projects, LedgerSheets.Deliveries, LedgerSheets.Quotes, LedgerSheets.Invoices]),
        ];

        var report = DiagnosticLedgers.Report(ledger, DiagnosticLedgers.AgingSheets, rules);

        Assert.Equal(DiagnosticInputKind.AgingExport, report.Input.Kind);
        Assert.Equal(["payers", "invoices"], report.Input.PresentSheets);
        Assert.Equal(["OverdueInvoice"], report.Coverage.Rules.Where(r => r.Status == RuleRunStatus.Ran).Select(r => r.RuleId));
        var variance = report.Coverage.Rules.Single(r => r.RuleId == "QuoteInvoiceVariance");
        Assert.Equal(RuleRunStatus.MissingData, variance.Status);
        Assert.Equal(["quotes"], variance.MissingSheets);
        Assert.Equal(["entity_links", "projects", "deliveries", "quotes", "invoices", "payments", "payment_applications", "retainage"],
            report.Coverage.MissingSheets.Select(s => s.Sheet));
        var quotes = report.Coverage.MissingSheets.Single(s => s.Sheet == "quotes");
        Assert.Equal(["DepositGateUnpaid", "QuoteInvoiceVariance"], quotes.RuleIds);
        Assert.Equal(
            "Add the quotes sheet (quotes and estimates with their deposit terms) to run Deposit unpaid before delivery and Quote-to-invoice variance and to compute the accepted quote totals.",
            quotes.Sentence.En);
        Assert.Equal(
            "Ajoutez la feuille quotes (soumissions et estimations avec leurs conditions d'acompte) pour exécuter les règles Acompte impayé avant la livraison et Écart entre la soumission et la facturation et pour calculer le total des soumissions acceptées.",
            quotes.Sentence.Fr);
        var invoices = report.Coverage.MissingSheets.Single(s => s.Sheet == "invoices");
        Assert.Empty(invoices.RuleIds);
        Assert.StartsWith("Provide the workbook's full invoices sheet", invoices.Sentence.En, StringComparison.Ordinal);
        Assert.Contains("DSO", invoices.Sentence.En, StringComparison.Ordinal);
        Assert.NotNull(report.Retainage.UnavailableReason);
        Assert.Null(report.Retainage.UnreleasedAmount);
        Assert.NotNull(report.Deposits.UnavailableReason);
        Assert.NotNull(report.QuoteVariances.UnavailableReason);
        Assert.NotNull(report.Exposure.UnavailableReason);
        Assert.Null(report.Exposure.LinkedGroups);
        Assert.Equal(700.00m, Assert.Single(report.Exposure.Groups).OpenAr);
    }

    [Fact]
    public void Build_Aging_BucketsEqualTheLedgersBalancesWithTwoDecimals()
    {
        var ledger = new TestLedger().Payer("P1", name: "Alpha").Payer("P2", name: "Beta")
            .Plain("C", "P1", D(11, 1), D(11, 20), 100.10m, 100.10m)     // due today: current
            .Plain("O1", "P1", D(10, 1), D(10, 21), 50.00m, 50.00m)      // 30 days: 1–30
            .Plain("O2", "P2", D(9, 1), D(9, 21), 60.00m, 60.00m)        // 60 days: 31–60
            .Plain("O3", "P2", D(7, 1), D(8, 21), 70.00m, 70.00m)        // 91 days: 90+
            .Plain("PAID", "P2", D(7, 1), D(8, 21), 999.00m, 0.00m)
            .Plain("CN", "P2", D(11, 1), D(11, 1), -20.00m, -20.00m);    // 19 days: 1–30

        var report = DiagnosticLedgers.Report(ledger);

        Assert.Equal(new AgingAmounts(100.10m, 30.00m, 60.00m, 0m, 70.00m), report.Aging.Totals);
        Assert.Equal("0.00", report.Aging.Totals.Days61To90.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(260.10m, report.Summary.OpenAr);
        Assert.Equal(160.00m, report.Summary.Overdue);
        Assert.Equal(["P1", "P2"], report.Aging.ByPayer.Select(r => r.Key));
        Assert.Equal(("Beta", 110.00m, 3), (report.Aging.ByPayer[1].Name, report.Aging.ByPayer[1].Amounts.Total, report.Aging.ByPayer[1].OpenInvoices));
        Assert.Equal(5, report.Input.OpenInvoices);
    }

    [Fact]
    public void Build_LinkedPayers_GroupedUnderTheParentWithItsLimitHandoffNotJoined()
    {
        var ledger = new TestLedger()
            .Payer("HOLD", creditLimit: 1000.00m, name: "Holding")
            .Payer("SUB", name: "Subsidiary").Payer("SIS", name: "Sister").Payer("DEV", name: "Developer")
            .Link("HOLD", "SUB", EntityLinkKind.Parent)
            .Link("SUB", "SIS", EntityLinkKind.Affiliate)
            .Link("SUB", "DEV", EntityLinkKind.Handoff, D(6, 1))
            .Link("HOLD", "LATER", EntityLinkKind.Parent, D(12, 1))
            .Payer("LATER", name: "Acquired next month")
            .Plain("I1", "SUB", D(11, 1), D(12, 1), 800.00m, 800.00m)
            .Plain("I2", "SIS", D(11, 1), D(12, 1), 300.00m, 300.00m)
            .Plain("I3", "DEV", D(11, 1), D(12, 1), 5000.00m, 5000.00m)
            .Plain("I4", "LATER", D(11, 1), D(12, 1), 10.00m, 10.00m)
            .Payer("CRED", name: "Owed a credit")
            .Plain("CN", "CRED", D(11, 1), D(11, 1), -50.00m, -50.00m);

        var exposure = DiagnosticLedgers.Report(ledger).Exposure;

        Assert.Null(exposure.UnavailableReason);
        Assert.Equal(["DEV", "HOLD", "LATER"], exposure.Groups.Select(g => g.RootPayerId));
        var holding = exposure.Groups[1];
        Assert.Equal(("Holding", 1100.00m, 1000.00m, true, true), (holding.Name, holding.OpenAr, holding.CreditLimit, holding.IsLinked, holding.OverLimit));
        Assert.Equal(["SUB", "SIS", "HOLD"], holding.Members.Select(m => m.PayerId));
        Assert.Equal(1, exposure.LinkedGroups);
        Assert.Equal(1100.00m, exposure.LinkedOpenAr);
        Assert.Equal(1, exposure.OverLimitGroups);
    }

    [Fact]
    public void Build_RetainageDepositsQuotes_LedgerFactsFromTheirSheets()
    {
        var ledger = new TestLedger().Payer("P1").Project("PRJ", "P1", Province.QC)
            .Hold("PRJ", "F1", 1000.00m, h => h with { ReleaseDueOn = D(11, 19) })
            .Hold("PRJ", "F2", 250.50m, h => h with { ReleaseDueOn = D(11, 20) })
            .Hold("PRJ", "F3", 400.00m, h => h with { ReleaseDueOn = D(1, 1), ReleaseInvoiceId = "REL" })
            .Plain("DEP1", "P1", D(11, 1), D(11, 1), 5000.00m, 2500.00m, InvoiceKind.Deposit)
            .Plain("DEP2", "P1", D(11, 1), D(11, 1), 5000.00m, 0.00m, InvoiceKind.Deposit)
            .Quote("Q1", "PRJ", 10000.00m, D(10, 1))
            .Quote("Q2", "PRJ", 99.00m, status: QuoteStatus.Declined);

        var report = DiagnosticLedgers.Report(ledger);

        Assert.Equal((2, 1250.50m, 1000.00m, 1), (report.Retainage.UnreleasedHolds, report.Retainage.UnreleasedAmount, report.Retainage.PastReleaseDate, report.Retainage.PastReleaseDateHolds));
        Assert.Null(report.Retainage.UnavailableReason);
        Assert.Equal((1, 2500.00m), (report.Deposits.UnpaidDepositInvoices, report.Deposits.UnpaidDeposits));
        Assert.Equal((1, 10000.00m), (report.QuoteVariances.AcceptedQuotes, report.QuoteVariances.AcceptedQuotedTotal));
        Assert.Empty(report.Coverage.MissingSheets);
    }

    [Fact]
    public void Evaluate_SampleOperator_EveryRuleRunsAndTheAgingReconcilesWithTheLedger()
    {
        var sample = Allometry.Core.Sample.SampleOperatorGenerator.Generate();
        var snapshot = LedgerSnapshot.From(sample.ToBatch());
        var context = new RuleContext(snapshot, sample.Meta.AsOf, DiagnosticSettings.For(snapshot));

        var report = DiagnosticReportBuilder.Evaluate(context);

        var open = sample.Invoices.Where(i => i.Status != InvoiceStatus.Void && i.Balance != 0m).ToList();
        Assert.Equal(open.Sum(i => i.Balance), report.Aging.Totals.Total);
        Assert.Equal(DiagnosticInputKind.LedgerWorkbook, report.Input.Kind);
        Assert.All(report.Coverage.Rules, r => Assert.Equal(RuleRunStatus.Ran, r.Status));
        Assert.Equal(RuleCatalog.All.Count, report.Coverage.Rules.Count);
        Assert.Empty(report.Coverage.MissingSheets);
        Assert.All(report.Metrics.All(), m => Assert.True(m.IsAvailable, m.Id));
        Assert.Equal(report.ByRule.Sum(r => r.AmountAtRisk), report.Summary.MoneyAtRisk);
        Assert.Equal(sample.GroupCreditLimits.Keys.Order(StringComparer.Ordinal), context.Settings.GroupCreditLimits.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Evaluate_BareAgingLedger_RunsOnlyRulesThatNeedNoMoreThanPayersAndInvoices()
    {
        var ledger = new TestLedger().Payer("P1").Payer("P2")
            .Plain("AGING-1", "P1", D(7, 1), D(7, 1), 9000.00m, 9000.00m, origin: InvoiceOrigin.AgingSummary)
            .Plain("AGING-2", "P2", D(11, 20), D(11, 20), 100.00m, 100.00m, origin: InvoiceOrigin.AgingSummary);
        var context = new RuleContext(ledger.Snapshot(DiagnosticLedgers.AgingSheets), DiagnosticLedgers.AsOf, RuleSettings.Default);

        var report = DiagnosticReportBuilder.Evaluate(context);

        foreach (var status in report.Coverage.Rules)
        {
            var rule = RuleCatalog.Find(status.RuleId)!;
            var needsMore = rule.RequiredSheets.Except(DiagnosticLedgers.AgingSheets).ToList();
            Assert.Equal(needsMore.Count == 0 ? RuleRunStatus.Ran : RuleRunStatus.MissingData, status.Status);
            Assert.Equal(needsMore, status.MissingSheets);
            Assert.All(needsMore, sheet => Assert.Contains(status.RuleId, report.Coverage.MissingSheets.Single(s => s.Sheet == sheet).RuleIds));
        }
        Assert.All(report.TopItems, i => Assert.Empty(RuleCatalog.Find(i.RuleId)!.RequiredSheets.Except(DiagnosticLedgers.AgingSheets)));
    }
}
