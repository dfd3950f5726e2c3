namespace Allometry.Core.Tests.Rules.Retainage;

using System.Globalization;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;

/// <summary>Checks every retainage finding must pass, whatever the rule.</summary>
internal static class RetainageAssert
{
    /// <summary>Title, detail and action exist in both languages and the French is not a copy of the English.</summary>
    public static void Bilingual(Finding finding)
    {
        foreach (var text in new[] { finding.Title, finding.Detail, finding.SuggestedAction })
        {
            Assert.False(string.IsNullOrWhiteSpace(text.En));
            Assert.False(string.IsNullOrWhiteSpace(text.Fr));
            Assert.NotEqual(text.En, text.Fr);
        }
    }

    /// <summary>The finding names the row (sheet, id, field) among its evidence.</summary>
    public static Evidence Cites(Finding finding, string sheet, string rowId, string field) =>
        Assert.Single(finding.Evidence, e => e.Sheet == sheet && e.RowId == rowId && e.Field == field);

    /// <summary>The ledger without one sheet, as a prospect's workbook that lacks it.</summary>
    public static IReadOnlyList<Finding> RunWithout(TestLedger ledger, IRule rule, string sheet, RuleSettings? settings = null)
    {
        var sheets = Allometry.Core.Imports.LedgerSheets.All.Where(s => s != sheet);
        var context = new RuleContext(ledger.Snapshot(sheets), TestLedger.AsOf, settings ?? RuleSettings.Default);
        return [.. rule.Evaluate(context)];
    }

    public static DateOnly Day(int offset) => TestLedger.AsOf.AddDays(offset);

    public static DateOnly Parse(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An Ontario construction project with the defaults the sample uses.</summary>
    public static Project Ontario(Project p) => p with
    {
        SupplyType = SupplyType.Construction, RetainagePct = 10m, ReleaseRule = ReleaseRule.OnCsp, ReleaseDays = 60, ContractDate = Day(-300),
    };

    /// <summary>A Quebec construction project with the defaults the sample uses.</summary>
    public static Project Quebec(Project p) => p with
    {
        SupplyType = SupplyType.Construction, RetainagePct = 10m, ReleaseRule = ReleaseRule.QcReception, ReleaseDays = 30, ContractDate = Day(-300),
    };
}
