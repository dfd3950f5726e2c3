namespace Allometry.Core.Tests.Sample;

using Allometry.Core.Ledger;
using Allometry.Core.Sample;

/// <summary>
/// Rows no planted case names must not trip the High and Critical rules of domain.md §4. Each
/// test is a deliberately plain reading of one trigger, on several seeds.
/// </summary>
public sealed class SampleCleanDataTests
{
    public static TheoryData<int> Seeds => [SampleOperatorGenerator.DefaultSeed, 5, 11, 2026, 65535];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void OpenInvoices_NotPlanted_AreCurrentAndAtMost20DaysOld(int seed)
    {
        // Arrange
        var (l, planted) = Generate(seed);

        // Act
        var stale = l.Invoices.Where(i => i.Balance != 0m && !SampleViews.IsPlanted(i, planted)
            && (i.DueDate < l.Meta.AsOf || i.IssueDate < l.Meta.AsOf.AddDays(-20))).ToList();

        // Assert
        Assert.Empty(stale.Select(i => i.InvoiceId));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PayerShareOfAr_AnySeed_AtMostTwentyPercent(int seed)
    {
        // Arrange
        var (l, _) = Generate(seed);
        var total = l.Invoices.Sum(i => i.Balance);

        // Act
        var shares = l.Invoices.GroupBy(i => i.PayerId).Select(g => (Payer: g.Key, Share: g.Sum(i => i.Balance) / total)).ToList();

        // Assert
        Assert.All(shares, s => Assert.True(s.Share <= 0.20m, $"{s.Payer}: {s.Share:P1} of {total}"));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void CreditLimits_AnySeed_HoldForEveryPayerAndTheCleanGroup(int seed)
    {
        // Arrange
        var (l, _) = Generate(seed);
        var ar = l.Invoices.GroupBy(i => i.PayerId).ToDictionary(g => g.Key, g => g.Sum(i => i.Balance));
        var cleanParent = l.EntityLinks.Where(x => x.Kind == EntityLinkKind.Parent).Select(x => x.FromPayerId)
            .First(id => l.PlantedCases.All(c => c.SubjectId != id));

        // Act
        var groupAr = SampleViews.GroupOf(l, cleanParent).Sum(id => ar.GetValueOrDefault(id));

        // Assert
        Assert.All(l.Payers.Where(p => p.CreditLimit is not null), p =>
            Assert.True(ar.GetValueOrDefault(p.PayerId) <= p.CreditLimit, $"{p.PayerId} {ar.GetValueOrDefault(p.PayerId)} > {p.CreditLimit}"));
        Assert.True(groupAr <= l.Payers.Single(p => p.PayerId == cleanParent).CreditLimit, $"group {cleanParent}: {groupAr}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Deposits_NotPlanted_PaidBeforeAnyDeliveryWithinAWeek(int seed)
    {
        // Arrange
        var (l, planted) = Generate(seed);
        var soon = l.Meta.AsOf.AddDays(7);

        // Act
        var gated = l.Projects.Where(p => !planted.Contains(p.ProjectId)
            && l.Deliveries.Any(d => d.ProjectId == p.ProjectId && (d.DeliveredOn is not null || d.ScheduledOn <= soon))).ToList();

        // Assert
        Assert.All(gated.Where(p => p.DepositPct > 0m), p =>
        {
            var quote = l.Quotes.Single(q => q.ProjectId == p.ProjectId && q.Status == QuoteStatus.Accepted);
            var paid = l.Invoices.Where(i => i.ProjectId == p.ProjectId && i.Kind == InvoiceKind.Deposit).Sum(i => SampleViews.AppliedTo(l, i.InvoiceId));
            Assert.True(paid >= quote.TotalExTax * quote.DepositPct!.Value / 100m, p.ProjectId);
        });
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AcceptedQuotes_NotPlanted_HaveADepositInvoiceTheSameDay(int seed)
    {
        // Arrange
        var (l, planted) = Generate(seed);

        // Act
        var accepted = l.Quotes.Where(q => q.Status == QuoteStatus.Accepted && q.DepositPct > 0m && !planted.Contains(q.ProjectId)).ToList();

        // Assert
        Assert.NotEmpty(accepted);
        Assert.All(accepted, q => Assert.Contains(l.Invoices, i => i.ProjectId == q.ProjectId && i.Kind == InvoiceKind.Deposit && i.IssueDate == q.AcceptedOn));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Retainage_NotPlanted_BilledForReleaseWhenDueAndWithin30DaysOfTheFinal(int seed)
    {
        // Arrange
        var (l, planted) = Generate(seed);
        var clean = l.Retainage.Where(h => !planted.Contains(h.ProjectId)).ToList();

        // Act
        var dueUnbilled = clean.Where(h => h.ReleaseInvoiceId is null && h.ReleaseDueOn <= l.Meta.AsOf).ToList();
        var finalsOver30 = l.Invoices.Where(i => i.Kind == InvoiceKind.Final && i.IssueDate <= l.Meta.AsOf.AddDays(-30) && !planted.Contains(i.ProjectId!))
            .Select(i => i.ProjectId).ToHashSet();

        // Assert
        Assert.Empty(dueUnbilled.Select(h => h.ProjectId));
        Assert.All(clean.Where(h => finalsOver30.Contains(h.ProjectId)), h => Assert.NotNull(h.ReleaseInvoiceId));
        Assert.Contains(clean, h => h.ReleaseInvoiceId is null);
        Assert.Contains(clean, h => h.ReleaseInvoiceId is not null && h.CollectedOn is not null);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void QuebecProjects_NotPlanted_OweNothingWithinAWeekOfTheHypothecDeadline(int seed)
    {
        // Arrange
        var (l, planted) = Generate(seed);

        // Act
        var late = l.Projects.Where(p => !planted.Contains(p.ProjectId) && p.FinTravauxOn is { } fin && l.Meta.AsOf.DayNumber - fin.DayNumber >= 23).ToList();

        // Assert
        Assert.All(late, p => Assert.Equal(0m, l.Invoices.Where(i => i.ProjectId == p.ProjectId).Sum(i => i.Balance)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Renewals_NotPlanted_InvoicedWhenWithin60Days(int seed)
    {
        // Arrange
        var (l, planted) = Generate(seed);

        // Act
        var near = l.ServiceContracts.Where(c => !planted.Contains(c.ContractId) && c.RenewalDate <= l.Meta.AsOf.AddDays(60)).ToList();

        // Assert
        Assert.All(near, c =>
        {
            var last = l.Invoices.Single(i => i.InvoiceId == c.LastRenewalInvoiceId);
            Assert.True(c.RenewalDate > l.Meta.AsOf, c.ContractId);
            Assert.True(last.IssueDate > c.RenewalDate.AddDays(-90), c.ContractId);
        });
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ClosedProjects_NotPlanted_InvoicedExactlyTheQuote(int seed)
    {
        // Arrange
        var (l, planted) = Generate(seed);

        // Act
        var quoted = l.Quotes.Where(q => q.Status == QuoteStatus.Accepted && !planted.Contains(q.ProjectId)).ToList();

        // Assert
        Assert.All(quoted, q =>
        {
            var project = l.Projects.Single(p => p.ProjectId == q.ProjectId);
            var invoiced = l.Invoices.Where(i => i.ProjectId == q.ProjectId).Sum(i => i.Subtotal);
            var unreleased = l.Retainage.Where(h => h.ProjectId == q.ProjectId && h.ReleaseInvoiceId is null).Sum(h => h.HeldAmount);
            Assert.True(invoiced + unreleased <= q.TotalExTax, q.ProjectId);
            if (project.Status == ProjectStatus.Closed) Assert.Equal(q.TotalExTax, invoiced);
        });
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PaymentsAndInvoices_NotPlanted_NoShortPayUnappliedCashOrCredit(int seed)
    {
        // Arrange
        var (l, planted) = Generate(seed);

        // Act
        var partlyPaid = l.Invoices.Where(i => !SampleViews.IsPlanted(i, planted) && i.Balance != 0m && SampleViews.AppliedTo(l, i.InvoiceId) != 0m).ToList();
        var unapplied = l.Payments.Where(p => !planted.Contains(p.PaymentId)
            && p.Amount != l.PaymentApplications.Where(a => a.PaymentId == p.PaymentId).Sum(a => a.Amount)).ToList();
        var credits = l.Invoices.Where(i => i.Total < 0m && !planted.Contains(i.InvoiceId)).ToList();

        // Assert
        Assert.Empty(partlyPaid.Select(i => i.InvoiceId));
        Assert.Empty(unapplied.Select(p => p.PaymentId));
        Assert.Empty(credits.Select(i => i.InvoiceId));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RegistrationNumbers_NotPlanted_PrintValidBnAndQst(int seed)
    {
        // Arrange
        var (l, planted) = Generate(seed);

        // Act
        var clean = l.Invoices.Where(i => !planted.Contains(i.InvoiceId)).ToList();

        // Assert
        Assert.All(clean, i =>
        {
            var numbers = i.RegistrationNumbers!.Split(';', StringSplitOptions.TrimEntries);
            Assert.Contains(numbers, n => SampleLedgerShapeTests.BnPattern().IsMatch(n) && SampleLedgerShapeTests.Luhn(n[..9]));
            Assert.Contains(numbers, n => SampleLedgerShapeTests.QstPattern().IsMatch(n));
        });
    }

    private static (SampleLedger Ledger, HashSet<string> Planted) Generate(int seed)
    {
        var ledger = SampleOperatorGenerator.Generate(seed);
        return (ledger, SampleViews.PlantedIds(ledger));
    }
}
