namespace Allometry.Adapters.Ledger.Tests.Writing;

using System.Text.Json;
using Allometry.Adapters.Ledger.Workbook;
using Allometry.Adapters.Ledger.Writing;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Sample;

/// <summary>What the writer writes, the workbook reader reads back as the same rows.</summary>
public sealed class LedgerWorkbookRoundTripTests : IDisposable
{
    private static readonly SampleLedger Sample = SampleOperatorGenerator.Generate();
    private readonly TempFolder _temp = new();

    [Fact]
    public void Read_WrittenCsvFolder_GivesTheSampleBackWithoutIssues()
    {
        // Arrange
        var folder = _temp.Folder("borealis");
        LedgerWorkbookWriter.WriteCsvFolder(Sample, folder);

        // Act
        var batch = new LedgerWorkbookSource().Read(folder, new LedgerReadOptions());

        // Assert: text keeps every decimal exactly as written, scale included.
        AssertSameRows(batch, Exact);
    }

    [Fact]
    public void Read_WrittenXlsx_GivesTheSampleBackWithoutIssues()
    {
        // Arrange
        var file = _temp.File("borealis.xlsx");
        LedgerWorkbookWriter.WriteXlsx(Sample, file);

        // Act
        var batch = new LedgerWorkbookSource().Read(file, new LedgerReadOptions());

        // Assert: Excel numbers are doubles, so 1234.50 comes back as 1234.5 — the same value.
        AssertSameRows(batch, ByValue);
    }

    public void Dispose() => _temp.Dispose();

    private static readonly JsonSerializerOptions Exact = new();
    private static readonly JsonSerializerOptions ByValue = new() { Converters = { new DecimalByValue() } };

    private static void AssertSameRows(LedgerBatch batch, JsonSerializerOptions json)
    {
        Assert.Equal(Json(Sample.Meta, json), Json(batch.Meta, json));
        Assert.Equal(LedgerSheets.All.Order(), batch.PresentSheets.Order());
        Same(json, Sample.Payers, batch.Payers, r => r with { Source = RowRef.None });
        Same(json, Sample.EntityLinks, batch.EntityLinks, r => r with { Source = RowRef.None });
        Same(json, Sample.Projects, batch.Projects, r => r with { Source = RowRef.None });
        Same(json, Sample.Deliveries, batch.Deliveries, r => r with { Source = RowRef.None });
        Same(json, Sample.Quotes, batch.Quotes, r => r with { Source = RowRef.None });
        Same(json, Sample.Invoices, batch.Invoices, r => r with { Source = RowRef.None });
        Same(json, Sample.Payments, batch.Payments, r => r with { Source = RowRef.None });
        Same(json, Sample.PaymentApplications, batch.PaymentApplications, r => r with { Source = RowRef.None });
        Same(json, Sample.Retainage, batch.Retainage, r => r with { Source = RowRef.None });
        Same(json, Sample.ServiceContracts, batch.ServiceContracts, r => r with { Source = RowRef.None });
        Same(json, Sample.Promises, batch.Promises, r => r with { Source = RowRef.None });
        Same(json, Sample.BankTransactions, batch.BankTransactions, r => r with { Source = RowRef.None });
        Assert.Empty(batch.Issues.Issues);
    }

    // Records holding lists (payer aliases) compare by reference, so rows are compared as JSON.
    private static void Same<T>(JsonSerializerOptions json, IReadOnlyList<T> expected, IEnumerable<T> actual, Func<T, T> withoutSource)
    {
        var read = actual.Select(withoutSource).Select(r => Json(r, json)).ToList();
        Assert.Equal(expected.Count, read.Count);
        for (var i = 0; i < read.Count; i++)
        {
            Assert.Equal(Json(expected[i], json), read[i]);
        }
    }

    private static string Json<T>(T value, JsonSerializerOptions json) => JsonSerializer.Serialize(value, json);

    /// <summary>Writes decimals without trailing zeros, so equal values serialize equally.</summary>
    private sealed class DecimalByValue : System.Text.Json.Serialization.JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value / 1.0000000000000000000000000000m);
    }
}
