namespace Allometry.Core.Tests.Rules.Collections;

using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>Checks every collections finding must pass: both languages written, evidence present.</summary>
internal static class CollectionsAssert
{
    public static void Bilingual(LocalizedText text)
    {
        Assert.False(string.IsNullOrWhiteSpace(text.En));
        Assert.False(string.IsNullOrWhiteSpace(text.Fr));
        Assert.NotEqual(text.En, text.Fr);
    }

    /// <summary>Titles, details and actions in both languages, different from each other; evidence on the given rows.</summary>
    public static void WellFormed(Finding finding, params string[] evidenceRows)
    {
        Bilingual(finding.Title);
        Bilingual(finding.Detail);
        Bilingual(finding.SuggestedAction);
        Assert.Equal(1, finding.RuleVersion);
        Assert.NotEmpty(finding.Evidence);
        Assert.All(finding.Evidence, e => Assert.False(string.IsNullOrWhiteSpace(e.RowId)));
        foreach (var row in evidenceRows)
        {
            Assert.Contains(finding.Evidence, e => e.RowId.Contains(row, StringComparison.Ordinal));
        }
    }

    /// <summary>The money in a detail is written the way each language writes it.</summary>
    public static void MoneyInBothLanguages(Finding finding, decimal amount)
    {
        Assert.Contains(MoneyFormat.Format(amount, Language.En), finding.Detail.En, StringComparison.Ordinal);
        Assert.Contains(MoneyFormat.Format(amount, Language.Fr), finding.Detail.Fr, StringComparison.Ordinal);
    }
}
