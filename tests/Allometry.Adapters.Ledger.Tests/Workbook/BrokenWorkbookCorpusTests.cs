namespace Allometry.Adapters.Ledger.Tests.Workbook;

using Allometry.Adapters.Ledger.Workbook;
using Allometry.Core.Imports;

public sealed class BrokenWorkbookCorpusTests
{
    public static TheoryData<string> Cases => BrokenWorkbookCorpus.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_BrokenInput_ReportsExactlyOneLocatedBilingualError(string name)
    {
        var expected = BrokenWorkbookCorpus.Cases[name];
        using var workbook = TempWorkbook.Minimal();
        var path = expected.Arrange(workbook);

        var issues = WorkbookAssert.Issues(path);

        var error = WorkbookAssert.SingleError(issues, expected.Code, expected.File, expected.Sheet, expected.Row, expected.Column,
            expected.Value?.Replace("{path}", path, StringComparison.Ordinal));
        if (expected.Args is not null) Assert.Equal(expected.Args, error.Args);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_BrokenInput_RejectedUpfrontOnlyForContainerHeaderAndMetaErrors(string name)
    {
        var expected = BrokenWorkbookCorpus.Cases[name];
        using var workbook = TempWorkbook.Minimal();
        var path = expected.Arrange(workbook);
        var source = new LedgerWorkbookSource();

        var rejected = Record.Exception(() => source.Read(path, new LedgerReadOptions()));

        if (expected.Upfront)
        {
            Assert.IsType<LedgerImportException>(rejected);
        }
        else
        {
            Assert.Null(rejected);
        }
    }

    [Fact]
    public void Corpus_CoversAtLeastThirtyInputs()
    {
        Assert.True(BrokenWorkbookCorpus.Cases.Count >= 30, $"{BrokenWorkbookCorpus.Cases.Count} cases");
    }
}
