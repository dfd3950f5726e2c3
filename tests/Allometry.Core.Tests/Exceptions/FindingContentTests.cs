namespace Allometry.Core.Tests.Exceptions;

using Allometry.Core.Exceptions;
using Allometry.Core.Localization;
using Allometry.Core.Rules;
using static LifecycleFixtures;

public sealed class FindingContentTests
{
    [Fact]
    public void Hash_EqualFindings_AreEqualAndHex()
    {
        var hash = FindingContent.Hash(Finding());

        Assert.Equal(hash, FindingContent.Hash(Finding()));
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void Hash_StoredHashes_StayTheSameCanonicalForm()
    {
        // Arrange: the canonical form spelled out, so reusing buffers can never change a hash that
        // stored exceptions carry (a change would look like an update of every exception).
        var finding = Finding() with
        {
            Evidence = [new Evidence("invoices", "INV-1", "balance", "0.00", "1000.00", new LocalizedText("Still open.", "Encore ouverte."))],
        };
        var canonical = System.Text.Json.JsonSerializer.Serialize(new object?[]
        {
            finding.RuleVersion, "high", "1000.00", finding.Currency, finding.PayerId, finding.ProjectId,
            finding.Title.En, finding.Title.Fr, finding.Detail.En, finding.Detail.Fr, finding.SuggestedAction?.En, finding.SuggestedAction?.Fr,
            new object?[] { "invoices", "INV-1", "balance", "0.00", "1000.00", "Still open.", "Encore ouverte." },
        });
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));

        // Act: after a longer finding on the same thread, and on many threads at once.
        FindingContent.Hash(finding with { Detail = new LocalizedText(new string('x', 20_000), "y") });
        var again = FindingContent.Hash(finding);
        var concurrent = Enumerable.Range(0, 64).AsParallel().Select(_ => FindingContent.Hash(finding)).ToList();

        // Assert
        Assert.Equal(expected, again);
        Assert.All(concurrent, h => Assert.Equal(expected, h));
    }

    [Fact]
    public void Hash_AnyShownValueChanged_Differs()
    {
        var baseline = Finding();
        var variants = new[]
        {
            baseline with { RuleVersion = 2 },
            baseline with { Severity = Severity.Critical },
            baseline with { AmountAtRisk = 1000.01m },
            baseline with { Currency = "USD" },
            baseline with { PayerId = "P-2" },
            baseline with { ProjectId = null },
            baseline with { Title = new LocalizedText("Deposit unpaid", "Acompte impayé") },
            baseline with { SuggestedAction = new LocalizedText("hold", "relancer") },
            baseline with { Evidence = [] },
            baseline with { Evidence = [new Evidence("invoices", "INV-1", "balance", "0.00", "1000", new LocalizedText("n", "n"))] },
        };

        var hashes = variants.Select(FindingContent.Hash).Append(FindingContent.Hash(baseline)).ToList();

        Assert.Equal(hashes.Count, hashes.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(5, "5.00")]
    [InlineData(5.1, "5.10")]
    [InlineData(1234.567, "1234.567")]
    [InlineData(-0.5, "-0.50")]
    public void Amount_AnyScale_HasAtLeastTwoDecimals(decimal amount, string expected) =>
        Assert.Equal(expected, FindingContent.Amount(amount));
}
