namespace Allometry.Adapters.Ledger.Tests.Aging;

using System.Globalization;
using Allometry.Adapters.Ledger.Aging;
using Allometry.Adapters.Ledger.Tabular;
using Allometry.Adapters.Ledger.Values;
using static AgingFixtures;

/// <summary>The same exports saved as .xlsx: numbers and dates arrive as typed cells, not text.</summary>
public sealed class AgingXlsxTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("allometry-aging-xlsx-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Amount cells become numbers; the columns in dateColumns become date serials, as Excel stores them.
    private static List<object?[]> Typed(string fixture, params int[] dateColumns)
    {
        using var file = TabularFile.Open(AgingFixtures.Path(fixture));
        return [.. file.Sheets[0].Rows().Select(row => row.Cells.Select((cell, c) => Typed(cell, c, dateColumns)).ToArray())];
    }

    private static object? Typed(string? cell, int column, int[] dateColumns)
    {
        if (string.IsNullOrEmpty(cell)) return null;
        if (dateColumns.Contains(column) && DateOnly.TryParseExact(cell, "MM/dd/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        if (column > 0 && AmountParser.TryParseMoney(cell, out var amount) && cell.Any(char.IsAsciiDigit) && !cell.Contains('/', StringComparison.Ordinal)) return amount;
        return cell;
    }

    private string Save(string name, params (string, IReadOnlyList<object?[]>)[] sheets)
    {
        var path = System.IO.Path.Combine(_dir, name);
        TestXlsx.Write(path, sheets);
        return path;
    }

    [Fact]
    public void Read_QboSummaryXlsxBehindANotesSheet_SameLedgerAsTheCsv()
    {
        var notes = new List<object?[]> { new object?[] { "Exported for the diagnostic" }, new object?[] { "Ask Julie for details" } };
        var path = Save("qbo-summary.xlsx", ("Notes", notes), ("A-R Aging Summary", Typed("qbo-summary.csv")));
        var (_, _, expected) = ReadFixture("qbo-summary.csv");

        Assert.True(new AgingExportSource().CanRead(path));
        var (batch, payers, invoices) = Read(path);

        Assert.Empty(batch.Issues.Issues);
        Assert.Equal(new Allometry.Core.Imports.SourceSheet("qbo-summary.xlsx", "qbo-aging-summary"), batch.Sources[0]);
        Assert.Equal(AsOf, batch.Meta.AsOf);
        Assert.Equal(12, payers.Count);
        Assert.Equal(expected.Select(i => (i.InvoiceId, i.DueDate, i.Balance)), invoices.Select(i => (i.InvoiceId, i.DueDate, i.Balance)));
        Assert.Equal([47616.74m, 15557.44m, 8515.25m, 5038.15m, 25255.00m], ByDueBucket(invoices, AsOf));
    }

    [Fact]
    public void Read_QboDetailXlsxWithDateCells_SameLedgerAsTheCsv()
    {
        var path = Save("qbo-detail.xlsx", ("A-R Aging Detail", Typed("qbo-detail.csv", 1, 5)));
        var (_, _, expected) = ReadFixture("qbo-detail.csv");

        var (batch, _, invoices) = Read(path);

        Assert.Empty(batch.Issues.Issues);
        Assert.Equal("qbo-aging-detail", batch.Sources[0].Sheet);
        Assert.Equal(
            expected.Select(i => (i.InvoiceId, i.PayerId, i.IssueDate, i.DueDate, i.Total, i.Balance)),
            invoices.Select(i => (i.InvoiceId, i.PayerId, i.IssueDate, i.DueDate, i.Total, i.Balance)));
    }

    [Fact]
    public void CanRead_XlsxWithoutAnAgingHeader_False()
    {
        var path = Save("payers.xlsx", ("payers", [new object?[] { "payer_id", "name" }, new object?[] { "P1", "Plomberie Gauthier" }]));

        Assert.False(new AgingExportSource().CanRead(path));
    }
}
