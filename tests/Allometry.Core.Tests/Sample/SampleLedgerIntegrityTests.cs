namespace Allometry.Core.Tests.Sample;

using Allometry.Core.Sample;

/// <summary>The integrity rules of import-format.md, on several seeds.</summary>
public sealed class SampleLedgerIntegrityTests
{
    public static TheoryData<int> Seeds => [SampleOperatorGenerator.DefaultSeed, 1, 42, 777, 123456];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Invoices_AnySeed_TotalIsSubtotalPlusTaxAndBalanceInRange(int seed)
    {
        // Act
        var ledger = SampleOperatorGenerator.Generate(seed);

        // Assert
        Assert.All(ledger.Invoices, i =>
        {
            Assert.Equal(i.Subtotal + i.Gst + i.Hst + i.Qst + i.Pst, i.Total);
            if (i.Total < 0m) Assert.InRange(i.Balance, i.Total, 0m);
            else Assert.InRange(i.Balance, 0m, i.Total);
            Assert.Equal(i.Total - SampleViews.AppliedTo(ledger, i.InvoiceId), i.Balance);
            Assert.True(i.DueDate >= i.IssueDate, i.InvoiceId);
            Assert.True(i.IssueDate < ledger.Meta.AsOf, i.InvoiceId);
        });
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Ids_AnySeed_AreUniqueWithinTheirSheet(int seed)
    {
        // Act
        var ledger = SampleOperatorGenerator.Generate(seed);

        // Assert
        AssertUnique(ledger.Payers.Select(p => p.PayerId));
        AssertUnique(ledger.Projects.Select(p => p.ProjectId));
        AssertUnique(ledger.Quotes.Select(q => q.QuoteId));
        AssertUnique(ledger.Invoices.Select(i => i.InvoiceId));
        AssertUnique(ledger.Payments.Select(p => p.PaymentId));
        AssertUnique(ledger.ServiceContracts.Select(c => c.ContractId));
        AssertUnique(ledger.BankTransactions.Select(b => b.TransactionId!));
        AssertUnique(ledger.Deliveries.Select(d => d.ProjectId + "/" + d.Milestone));
        AssertUnique(ledger.Retainage.Select(h => h.ProjectId + "/" + h.InvoiceId));
        AssertUnique(ledger.PaymentApplications.Select(a => a.PaymentId + "/" + a.InvoiceId));
        AssertUnique(ledger.Promises.Select(p => $"{p.PayerId}/{p.InvoiceId}/{p.PromisedOn}"));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void References_AnySeed_AllResolve(int seed)
    {
        // Arrange
        var ledger = SampleOperatorGenerator.Generate(seed);
        var payers = ledger.Payers.Select(p => p.PayerId).ToHashSet();
        var projects = ledger.Projects.Select(p => p.ProjectId).ToHashSet();
        var invoices = ledger.Invoices.Select(i => i.InvoiceId).ToHashSet();
        var payments = ledger.Payments.Select(p => p.PaymentId).ToHashSet();

        // Assert
        Assert.All(ledger.EntityLinks, l => { Assert.Contains(l.FromPayerId, payers); Assert.Contains(l.ToPayerId, payers); });
        Assert.All(ledger.Projects, p =>
        {
            Assert.Contains(p.ContractPayerId, payers);
            if (p.CurrentPayerId is { } current) Assert.Contains(current, payers);
        });
        Assert.All(ledger.Deliveries, d => Assert.Contains(d.ProjectId, projects));
        Assert.All(ledger.Quotes, q => { Assert.Contains(q.ProjectId, projects); Assert.Contains(q.PayerId!, payers); });
        Assert.All(ledger.Invoices, i => { Assert.Contains(i.PayerId, payers); Assert.Contains(i.ProjectId!, projects); });
        Assert.All(ledger.Payments, p => Assert.Contains(p.PayerId, payers));
        Assert.All(ledger.PaymentApplications, a => { Assert.Contains(a.PaymentId, payments); Assert.Contains(a.InvoiceId, invoices); });
        Assert.All(ledger.Retainage, h =>
        {
            Assert.Contains(h.ProjectId, projects);
            Assert.Contains(h.InvoiceId!, invoices);
            if (h.ReleaseInvoiceId is { } release) Assert.Contains(release, invoices);
        });
        Assert.All(ledger.ServiceContracts, c =>
        {
            Assert.Contains(c.PayerId, payers);
            Assert.Contains(c.ProjectId!, projects);
            Assert.Contains(c.LastRenewalInvoiceId!, invoices);
        });
        Assert.All(ledger.Promises, p => { Assert.Contains(p.PayerId, payers); Assert.Contains(p.InvoiceId!, invoices); });
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Applications_AnySeed_NeverExceedPaymentOrInvoice(int seed)
    {
        // Arrange
        var ledger = SampleOperatorGenerator.Generate(seed);
        var invoices = ledger.Invoices.ToDictionary(i => i.InvoiceId);
        var payments = ledger.Payments.ToDictionary(p => p.PaymentId);

        // Act
        var byPayment = ledger.PaymentApplications.GroupBy(a => a.PaymentId).ToList();
        var byInvoice = ledger.PaymentApplications.GroupBy(a => a.InvoiceId).ToList();

        // Assert
        Assert.All(ledger.PaymentApplications, a => Assert.True(a.Amount > 0m));
        Assert.All(byPayment, g => Assert.True(g.Sum(a => a.Amount) <= payments[g.Key].Amount, g.Key));
        Assert.All(byInvoice, g => Assert.True(g.Sum(a => a.Amount) <= invoices[g.Key].Total, g.Key));
        Assert.All(ledger.PaymentApplications, a => Assert.Equal(payments[a.PaymentId].PayerId, invoices[a.InvoiceId].PayerId));
        Assert.Contains(byPayment, g => g.Count() > 1);
        Assert.Contains(ledger.Payments, p => !byPayment.Any(g => g.Key == p.PaymentId));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Amounts_AnySeed_AreExactToTheCent(int seed)
    {
        // Act
        var ledger = SampleOperatorGenerator.Generate(seed);
        var amounts = ledger.Invoices.SelectMany(i => new[] { i.Subtotal, i.Gst, i.Hst, i.Qst, i.Pst, i.Total, i.Balance, i.RetainageHeld })
            .Concat(ledger.Payments.Select(p => p.Amount))
            .Concat(ledger.PaymentApplications.Select(a => a.Amount))
            .Concat(ledger.Retainage.Select(h => h.HeldAmount))
            .Concat(ledger.Quotes.Select(q => q.TotalExTax))
            .Concat(ledger.BankTransactions.Select(b => b.Amount))
            .Concat(ledger.ServiceContracts.Select(c => c.AnnualFee))
            .Concat(ledger.Promises.Select(p => p.PromisedAmount))
            .Concat(ledger.Payers.Where(p => p.CreditLimit is not null).Select(p => p.CreditLimit!.Value));

        // Assert: cents, and spelled with two decimals as the files spell them.
        Assert.All(amounts, a => Assert.Equal(2, a.Scale));
    }

    private static void AssertUnique(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        var duplicates = list.GroupBy(x => x).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }
}
