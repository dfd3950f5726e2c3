namespace Allometry.Core.Tests.Sample;

using System.Text.RegularExpressions;
using Allometry.Core.Ledger;

public sealed partial class SampleLedgerShapeTests(SampleFixture sample) : IClassFixture<SampleFixture>
{
    [Fact]
    public void Counts_ReferenceSample_AreInRange()
    {
        // Act
        var ledger = sample.Ledger;

        // Assert
        Assert.InRange(ledger.Payers.Count, 35, 45);
        Assert.InRange(ledger.Projects.Count, 105, 135);
        Assert.NotEmpty(ledger.Deliveries);
        Assert.NotEmpty(ledger.Quotes);
        Assert.InRange(ledger.Invoices.Count, 300, 2_000);
        Assert.NotEmpty(ledger.Payments);
        Assert.NotEmpty(ledger.PaymentApplications);
        Assert.NotEmpty(ledger.Retainage);
        Assert.NotEmpty(ledger.ServiceContracts);
        Assert.NotEmpty(ledger.Promises);
        Assert.NotEmpty(ledger.BankTransactions);
    }

    [Fact]
    public void Projects_ReferenceSample_CoverQcOnNsBc()
    {
        // Act
        var provinces = sample.Ledger.Projects.Select(p => p.SiteProvince).ToHashSet();

        // Assert
        Assert.Equal([Province.BC, Province.NS, Province.ON, Province.QC], provinces.Order());
    }

    [Fact]
    public void EntityLinks_ReferenceSample_HaveTwoConglomeratesAndAHandoff()
    {
        // Arrange
        var links = sample.Ledger.EntityLinks;

        // Act
        var parents = links.Where(l => l.Kind == EntityLinkKind.Parent).GroupBy(l => l.FromPayerId).Where(g => g.Count() >= 2).ToList();

        // Assert
        Assert.Equal(2, parents.Count);
        Assert.Contains(links, l => l.Kind == EntityLinkKind.Affiliate);
        Assert.Contains(links, l => l.Kind == EntityLinkKind.Successor);
        var handoff = Assert.Single(links, l => l.Kind == EntityLinkKind.Handoff);
        Assert.NotNull(handoff.EffectiveDate);
        Assert.Contains(sample.Ledger.Projects, p => p.ContractPayerId == handoff.FromPayerId && p.CurrentPayerId == handoff.ToPayerId);
    }

    [Fact]
    public void Invoices_ReferenceSample_CoverEveryKindAndACreditNote()
    {
        // Act
        var kinds = sample.Ledger.Invoices.Select(i => i.Kind).ToHashSet();

        // Assert
        Assert.Equal(Enum.GetValues<InvoiceKind>().Order(), kinds.Order());
        Assert.Contains(sample.Ledger.Invoices, i => i.Total < 0m && i.Subtotal < 0m);
    }

    [Fact]
    public void Names_ReferenceSample_CarryFrenchAccents()
    {
        // Act
        var text = string.Join('\n', sample.Ledger.Payers.Select(p => p.Name).Concat(sample.Ledger.Projects.Select(p => p.Name + " " + p.SiteCity)));

        // Assert
        Assert.Contains("Érablière", text, StringComparison.Ordinal);
        Assert.Contains("Lévis", text, StringComparison.Ordinal);
        Assert.Contains("Trois-Rivières", text, StringComparison.Ordinal);
        Assert.Contains("Québec", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Payers_ReferenceSample_MostHaveValidNumbersSomeMissingOrInvalid()
    {
        // Arrange
        var payers = sample.Ledger.Payers;

        // Act
        var validBn = payers.Count(p => p.GstHstNumber is { } n && BnPattern().IsMatch(n) && Luhn(n[..9]));
        var invalidBn = payers.Count(p => p.GstHstNumber is { } n && !(BnPattern().IsMatch(n) && Luhn(n[..9])));
        var missingBn = payers.Count(p => p.GstHstNumber is null);
        var quebec = payers.Where(p => p.Province == Province.QC).ToList();
        var validQst = quebec.Count(p => p.QstNumber is { } n && QstPattern().IsMatch(n));
        var invalidQst = quebec.Count(p => p.QstNumber is { } n && !QstPattern().IsMatch(n));

        // Assert
        Assert.True(validBn >= payers.Count * 8 / 10, $"{validBn} valid of {payers.Count}");
        Assert.True(invalidBn >= 1);
        Assert.True(missingBn >= 1);
        Assert.True(validQst >= quebec.Count * 7 / 10, $"{validQst} valid QST of {quebec.Count}");
        Assert.True(invalidQst >= 1);
    }

    [Fact]
    public void Emails_ReferenceSample_UseFictionalDomains()
    {
        // Act
        var emails = sample.Ledger.Payers.Select(p => p.Email).Concat(sample.Ledger.Projects.Select(p => p.PmEmail)).ToList();

        // Assert
        Assert.All(emails, e => Assert.Matches(@"^[a-z0-9.\-]+@(example\.com|borealis\.example)$", e));
    }

    [Fact]
    public void Meta_ReferenceSample_SellerRegisteredForBcPst()
    {
        // Act
        var meta = sample.Ledger.Meta;

        // Assert
        Assert.Equal(Province.QC, meta.SellerProvince);
        Assert.Equal([Province.BC], meta.SellerPstRegistrations);
        Assert.Matches(BnPattern(), meta.SellerGstHstNumber!);
        Assert.True(Luhn(meta.SellerGstHstNumber![..9]));
        Assert.Matches(QstPattern(), meta.SellerQstNumber!);
    }

    internal static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[^(i + 1)] - '0';
            if (i % 2 == 1) d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0;
    }

    [GeneratedRegex(@"^\d{9}\s?RT\s?\d{4}$")]
    internal static partial Regex BnPattern();

    [GeneratedRegex(@"^\d{10}\s?TQ\s?\d{4}$")]
    internal static partial Regex QstPattern();
}
