namespace Allometry.Core.Tests.Rules.Deposits;

using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>Checks every finding of this folder's rules must pass, whatever triggered it.</summary>
internal static class FindingAssert
{
    /// <summary>Title, detail and action exist in both languages, differ between them, and evidence is attached.</summary>
    public static void IsBilingualWithEvidence(Finding finding)
    {
        foreach (var text in new[] { finding.Title, finding.Detail, finding.SuggestedAction })
        {
            Assert.False(string.IsNullOrWhiteSpace(text.En));
            Assert.False(string.IsNullOrWhiteSpace(text.Fr));
            Assert.NotEqual(text.En, text.Fr);
        }
        Assert.NotEmpty(finding.Evidence);
        Assert.All(finding.Evidence, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Sheet));
            Assert.False(string.IsNullOrWhiteSpace(e.RowId));
            Assert.False(string.IsNullOrWhiteSpace(e.Field));
        });
    }

    /// <summary>The amount appears in the detail as each language writes money.</summary>
    public static void DetailStates(Finding finding, decimal amount)
    {
        Assert.Contains(MoneyFormat.Format(amount, Language.En), finding.Detail.En, StringComparison.Ordinal);
        Assert.Contains(MoneyFormat.Format(amount, Language.Fr), finding.Detail.Fr, StringComparison.Ordinal);
    }
}
