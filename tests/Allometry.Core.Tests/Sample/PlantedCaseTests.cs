namespace Allometry.Core.Tests.Sample;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Sample;

public sealed class PlantedCaseTests(SampleFixture sample) : IClassFixture<SampleFixture>
{
    /// <summary>The rule catalogue of domain.md §4, copied by hand.</summary>
    public static readonly string[] Catalogue =
    [
        "DepositGateUnpaid", "DepositNotInvoiced", "UnappliedDeposit", "HoldbackReleaseDue", "RetenueReleaseDue",
        "HypothecDeadline", "RetainageNeverInvoiced", "RetainageAgedMisclassified", "PromptPaymentBreach",
        "TaxProvinceMismatch", "QstBaseError", "StaleNsRate", "MissingRegistrationNumber", "QuoteInvoiceVariance",
        "PayerChangeExposure", "LinkedGroupOverLimit", "RenewalPrebillDue", "BrokenPromise", "ShortPayUnresolved",
        "UnappliedCash", "OverdueInvoice", "AgingConcentration",
    ];

    public static TheoryData<int> Seeds => [SampleOperatorGenerator.DefaultSeed, 3, 99, 31337];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PlantedCases_AnySeed_CoverEveryRuleOfTheCatalogue(int seed)
    {
        // Act
        var rules = SampleOperatorGenerator.Generate(seed).PlantedCases.Select(c => c.RuleId).ToHashSet();

        // Assert
        Assert.All(Catalogue, rule => Assert.Contains(rule, rules));
        Assert.Subset(Catalogue.ToHashSet(), rules);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AmountAtRisk_AnySeed_IsPositiveWithExactlyTwoDecimals(int seed)
    {
        // Act
        var cases = SampleOperatorGenerator.Generate(seed).PlantedCases;

        // Assert
        Assert.All(cases, c =>
        {
            Assert.True(c.AmountAtRisk > 0m, $"{c.RuleId} {c.SubjectId}: {c.AmountAtRisk}");
            Assert.Equal(2, c.AmountAtRisk.Scale);
            Assert.False(string.IsNullOrWhiteSpace(c.Description));
            Assert.NotEmpty(c.Evidence);
        });
    }

    [Fact]
    public void Severities_ReferenceSample_CoverTheTiersTheCatalogueNames()
    {
        // Act
        var cases = sample.Ledger.PlantedCases;

        // Assert
        Assert.Equal([Severity.High, Severity.Critical], Severities(cases, "DepositGateUnpaid"));
        Assert.Equal([Severity.Medium, Severity.High, Severity.Critical], Severities(cases, "RenewalPrebillDue"));
        Assert.Equal(2, cases.Count(c => c.RuleId == "QuoteInvoiceVariance" && c.Severity == Severity.High));
        Assert.Equal(2, cases.Count(c => c.RuleId == "HoldbackReleaseDue" && c.Severity == Severity.High));
        Assert.Equal(Severity.Critical, Assert.Single(cases, c => c.RuleId == "HypothecDeadline").Severity);
        Assert.Equal(Severity.Info, Assert.Single(cases, c => c.RuleId == "RetainageAgedMisclassified").Severity);
    }

    [Fact]
    public void Subjects_ReferenceSample_ExistInTheLedger()
    {
        // Arrange
        var l = sample.Ledger;
        var ids = l.Payers.Select(p => p.PayerId).Concat(l.Projects.Select(p => p.ProjectId)).Concat(l.Invoices.Select(i => i.InvoiceId))
            .Concat(l.Payments.Select(p => p.PaymentId)).Concat(l.Quotes.Select(q => q.QuoteId)).Concat(l.ServiceContracts.Select(c => c.ContractId))
            .ToHashSet();

        // Act
        var cases = l.PlantedCases;

        // Assert
        Assert.All(cases, c =>
        {
            var exists = c.SubjectKind switch
            {
                SubjectKind.Payer or SubjectKind.LinkedGroup => l.Payers.Any(p => p.PayerId == c.SubjectId),
                SubjectKind.Project => l.Projects.Any(p => p.ProjectId == c.SubjectId),
                SubjectKind.Invoice => l.Invoices.Any(i => i.InvoiceId == c.SubjectId),
                SubjectKind.Payment => l.Payments.Any(p => p.PaymentId == c.SubjectId),
                SubjectKind.Quote => l.Quotes.Any(q => q.QuoteId == c.SubjectId),
                SubjectKind.ServiceContract => l.ServiceContracts.Any(s => s.ContractId == c.SubjectId),
                SubjectKind.RetainageHold => l.Retainage.Any(h => $"{h.ProjectId}/{h.InvoiceId}" == c.SubjectId),
                _ => false,
            };
            Assert.Equal(new FindingSubject(c.SubjectKind, c.SubjectId), c.Subject);
            Assert.True(exists, $"{c.RuleId}: {c.SubjectKind} {c.SubjectId}");
            Assert.All(c.Evidence, e => Assert.Contains(e, ids));
            Assert.All(c.AlsoMayTrigger, r => Assert.Contains(r, Catalogue));
        });
    }

    [Fact]
    public void DepositGateUnpaid_ReferenceSample_AmountIsRequiredMinusPaidFromTheRows()
    {
        // Arrange
        var l = sample.Ledger;

        // Act & Assert
        Assert.All(l.PlantedCases.Where(c => c.RuleId == "DepositGateUnpaid"), c =>
        {
            var quote = Assert.Single(l.Quotes, q => q.ProjectId == c.SubjectId && q.Status == QuoteStatus.Accepted);
            var required = Math.Round(quote.TotalExTax * quote.DepositPct!.Value / 100m, 2, MidpointRounding.AwayFromZero);
            var paid = l.Invoices.Where(i => i.ProjectId == c.SubjectId && i.Kind == InvoiceKind.Deposit)
                .Sum(i => SampleViews.AppliedTo(l, i.InvoiceId));
            Assert.Equal(required - paid, c.AmountAtRisk);
            Assert.Contains(l.Deliveries, d => d.ProjectId == c.SubjectId
                && (d.DeliveredOn is not null || d.ScheduledOn <= l.Meta.AsOf.AddDays(7)));
        });
    }

    [Fact]
    public void QstBaseError_ReferenceSample_AmountIsQstOnGstOverCharge()
    {
        // Arrange
        var l = sample.Ledger;
        var c = Assert.Single(l.PlantedCases, c => c.RuleId == "QstBaseError");

        // Act
        var invoice = Assert.Single(l.Invoices, i => i.InvoiceId == c.SubjectId);

        // Assert
        Assert.Equal(Math.Round((invoice.Subtotal + invoice.Gst) * 0.09975m, 2, MidpointRounding.AwayFromZero), invoice.Qst);
        Assert.Equal(invoice.Qst - Math.Round(invoice.Subtotal * 0.09975m, 2, MidpointRounding.AwayFromZero), c.AmountAtRisk);
    }

    [Fact]
    public void LinkedGroupOverLimit_ReferenceSample_AmountIsGroupArMinusParentLimit()
    {
        // Arrange
        var l = sample.Ledger;
        var c = Assert.Single(l.PlantedCases, c => c.RuleId == "LinkedGroupOverLimit");
        var group = SampleViews.GroupOf(l, c.SubjectId);

        // Act
        var openAr = l.Invoices.Where(i => group.Contains(i.PayerId)).Sum(i => i.Balance);
        var limit = l.Payers.Single(p => p.PayerId == c.SubjectId).CreditLimit!.Value;

        // Assert
        Assert.Equal(SubjectKind.LinkedGroup, c.SubjectKind);
        Assert.Equal(6, group.Count);
        Assert.Equal(openAr - limit, c.AmountAtRisk);
        Assert.Equal(limit, l.GroupCreditLimits[c.SubjectId]);
        Assert.All(group.Where(id => id != c.SubjectId), id => Assert.Null(l.Payers.Single(p => p.PayerId == id).CreditLimit));
    }

    [Fact]
    public void AgingConcentration_ReferenceSample_MoreThanAQuarterOfBalanceIs90Plus()
    {
        // Arrange
        var l = sample.Ledger;
        var c = Assert.Single(l.PlantedCases, c => c.RuleId == "AgingConcentration");

        // Act
        var invoices = l.Invoices.Where(i => i.PayerId == c.SubjectId).ToList();
        var aged = invoices.Where(i => i.DueDate < l.Meta.AsOf.AddDays(-90)).Sum(i => i.Balance);

        // Assert
        Assert.True(aged > 0.25m * invoices.Sum(i => i.Balance));
        Assert.Equal(aged, c.AmountAtRisk);
    }

    [Fact]
    public void UnappliedCash_ReferenceSample_AmountIsPaymentMinusApplications()
    {
        // Arrange
        var l = sample.Ledger;
        var c = Assert.Single(l.PlantedCases, c => c.RuleId == "UnappliedCash");
        var payment = l.Payments.Single(p => p.PaymentId == c.SubjectId);

        // Act
        var unapplied = payment.Amount - l.PaymentApplications.Where(a => a.PaymentId == payment.PaymentId).Sum(a => a.Amount);

        // Assert
        Assert.Equal(unapplied, c.AmountAtRisk);
        Assert.True(payment.ReceivedOn < l.Meta.AsOf.AddDays(-7));
        Assert.Equal(SubjectKind.Payment, c.SubjectKind);
        Assert.Contains(l.Invoices, i => i.PayerId == payment.PayerId && i.Balance > 0m);
    }

    [Fact]
    public void ReleaseDueCases_ReferenceSample_AmountIsTheDueUnreleasedHolds()
    {
        // Arrange
        var l = sample.Ledger;

        // Act
        var cases = l.PlantedCases.Where(c => c.RuleId is "HoldbackReleaseDue" or "RetenueReleaseDue").ToList();

        // Assert
        Assert.Equal(3, cases.Count);
        Assert.All(cases, c =>
        {
            var due = l.Retainage.Where(h => h.ProjectId == c.SubjectId && h.ReleaseInvoiceId is null && h.ReleaseDueOn <= l.Meta.AsOf);
            Assert.Equal(due.Sum(h => h.HeldAmount), c.AmountAtRisk);
            Assert.DoesNotContain(l.Invoices, i => i.ProjectId == c.SubjectId && i.Kind == InvoiceKind.RetainageRelease);
        });
    }

    private static Severity[] Severities(IEnumerable<PlantedCase> cases, string rule) =>
        [.. cases.Where(c => c.RuleId == rule).Select(c => c.Severity).Order()];
}
