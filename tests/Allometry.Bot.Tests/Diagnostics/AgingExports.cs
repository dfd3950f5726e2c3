namespace Allometry.Bot.Tests.Diagnostics;

using Allometry.Adapters.Ledger.Aging;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>
/// The vendor aging exports committed with the reader's tests (tests/Allometry.Adapters.Ledger.Tests/Fixtures/Aging),
/// used here as a prospect would send them.
/// </summary>
internal static class AgingExports
{
    /// <summary>One export per supported vendor layout.</summary>
    public static TheoryData<string> Vendors => new() { "qbo-summary.csv", "qbo-detail.csv", "zoho-summary.csv", "zoho-details.csv", "sage-aged.csv" };

    public static string Path(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "tests", "Allometry.Adapters.Ledger.Tests", "Fixtures", "Aging", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"Aging fixture {name} not found above {AppContext.BaseDirectory}");
    }

    /// <summary>The export as the reader sees it: the invoices the report's amounts must equal.</summary>
    public static IReadOnlyList<Invoice> Invoices(string name) =>
        [.. new AgingExportSource().Read(Path(name), new LedgerReadOptions { Tenant = "fixture" }).Invoices];
}
