namespace Allometry.Adapters.Ledger.Tests.Aging;

using Allometry.Adapters.Ledger.Aging;
using Allometry.Core.Aging;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>The committed export samples under Fixtures/Aging, read through the public source.</summary>
internal static class AgingFixtures
{
    public static readonly DateOnly AsOf = new(2026, 11, 20);

    private static readonly Lazy<string> Folder = new(() =>
    {
        // Tests run from bin/<config>/<tfm>; the samples live beside the sources so they are
        // edited as files, not copied resources.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "tests", "Allometry.Adapters.Ledger.Tests", "Fixtures", "Aging");
            if (Directory.Exists(candidate)) return candidate;
            candidate = System.IO.Path.Combine(dir.FullName, "Fixtures", "Aging");
            if (Directory.Exists(candidate) && dir.Name == "Allometry.Adapters.Ledger.Tests") return candidate;
        }
        throw new DirectoryNotFoundException("Fixtures/Aging not found above " + AppContext.BaseDirectory);
    });

    public static string Path(string name) => System.IO.Path.Combine(Folder.Value, name);

    public static (LedgerBatch Batch, List<Payer> Payers, List<Invoice> Invoices) Read(string path, LedgerReadOptions? options = null)
    {
        var batch = new AgingExportSource().Read(path, options ?? new LedgerReadOptions { Tenant = "atelier-boreal" });
        return (batch, batch.Payers.ToList(), batch.Invoices.ToList());
    }

    public static (LedgerBatch Batch, List<Payer> Payers, List<Invoice> Invoices) ReadFixture(string name, LedgerReadOptions? options = null) =>
        Read(Path(name), options);

    /// <summary>Open balances per standard bucket (days past due), as the rules will see them.</summary>
    public static decimal[] ByDueBucket(IEnumerable<Invoice> invoices, DateOnly asOf) =>
        [.. AgingBuckets.All.Select(b => invoices.Where(i => AgingBuckets.Of(asOf, i.DueDate) == b).Sum(i => i.Balance))];

    /// <summary>Open balances per arbitrary day ranges counted back from <paramref name="asOf"/> to <paramref name="date"/>.</summary>
    public static decimal[] ByRanges(IEnumerable<Invoice> invoices, DateOnly asOf, Func<Invoice, DateOnly> date, params (int From, int To)[] ranges) =>
        [.. ranges.Select(r => invoices.Where(i => InRange(asOf.DayNumber - date(i).DayNumber, r)).Sum(i => i.Balance))];

    private static bool InRange(int days, (int From, int To) range) => days >= range.From && days <= range.To;

    public static IReadOnlyList<ImportIssue> Errors(LedgerBatch batch) =>
        [.. batch.Issues.Issues.Where(i => i.Severity == ImportSeverity.Error)];
}
