namespace Allometry.Core.Tests.Imports;

using Allometry.Core.Imports;
using Allometry.Core.Localization;

public sealed class ImportMessagesTests
{
    public static TheoryData<ImportIssueCode> Codes()
    {
        var data = new TheoryData<ImportIssueCode>();
        foreach (var code in Enum.GetValues<ImportIssueCode>()) data.Add(code);
        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Template_EveryCode_HasDistinctEnglishAndFrench(ImportIssueCode code)
    {
        var en = ImportMessages.Template(code, Language.En);
        var fr = ImportMessages.Template(code, Language.Fr);

        Assert.False(string.IsNullOrWhiteSpace(en));
        Assert.False(string.IsNullOrWhiteSpace(fr));
        Assert.NotEqual(en, fr);
    }

    [Fact]
    public void Describe_CellError_NamesFileSheetRowColumnAndValue()
    {
        var issue = ImportIssue.Error(ImportIssueCode.InvalidAmount, new ImportLocation("ledger.xlsx", "invoices", 12, "total"), "12,3x");

        var en = issue.Describe(Language.En);
        var fr = issue.Describe(Language.Fr);

        Assert.Equal("file ledger.xlsx, sheet invoices, row 12, column total: not an amount (expected e.g. 1234.56, 1,234.56, 1 234,56 $ or (1,234.56)) (value: '12,3x')", en);
        Assert.StartsWith("fichier ledger.xlsx, feuille invoices, ligne 12, colonne total : montant invalide", fr);
        Assert.EndsWith("(valeur : « 12,3x »)", fr);
    }

    [Fact]
    public void Describe_BinaryValue_ShortenedAndPrintable()
    {
        var garbage = new string('\u0001', 100);
        var issue = ImportIssue.Error(ImportIssueCode.InvalidDate, new ImportLocation("a.csv"), garbage);

        var text = issue.Describe(Language.En);

        Assert.DoesNotContain('\u0001', text);
        Assert.Contains("…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Collector_PastMaxErrors_StopsListingWithOneNotice()
    {
        var collector = new ImportIssueCollector(maxErrors: 3);

        for (var i = 0; i < 10; i++)
        {
            collector.Add(ImportIssue.Error(ImportIssueCode.InvalidAmount, new ImportLocation("f.csv", "invoices", i + 2, "total"), "x"));
        }
        collector.Add(ImportIssue.Warning(ImportIssueCode.UnknownColumn, new ImportLocation("f.csv"), null, "extra"));

        Assert.Equal(10, collector.ErrorCount);
        Assert.Equal(5, collector.Issues.Count);
        Assert.Equal(ImportIssueCode.TooManyErrors, collector.Issues[3].Code);
        var thrown = Assert.Throws<LedgerImportException>(collector.ThrowIfErrors);
        Assert.Equal(4, thrown.Errors.Count());
    }
}
