namespace Allometry.Benchmarks.Micro;

using System.Globalization;
using System.Text;
using Allometry.Adapters.Ledger.Tabular;
using BenchmarkDotNet.Attributes;

/// <summary>
/// Tokenizing 10,000 invoice rows (the benchmark workbook's shape, one quoted field in ten) with
/// the block tokenizer and with the char-by-char tokenizer it replaced.
/// </summary>
public class CsvTokenizerBenchmarks
{
    private const int Rows = 10_000;
    private string _csv = "";

    [GlobalSetup]
    public void Setup()
    {
        var b = new StringBuilder();
        b.Append("invoice_id,payer_id,project_id,kind,issue_date,due_date,subtotal,gst,hst,qst,pst,total,balance,retainage_held,tax_province,registration_numbers,currency,status\r\n");
        for (var i = 1; i <= Rows; i++)
        {
            var note = i % 10 == 0 ? "\"TPS 123456789RT0001, TVQ 1234567890TQ0001\"" : "TPS 123456789RT0001; TVQ 1234567890TQ0001";
            b.Append(CultureInfo.InvariantCulture, $"INV-{i:D8},P-{i % 5000:D6},,progress,2025-03-14,2025-04-13,12903.20,645.16,,1287.09,,14835.45,14835.45,,QC,{note},CAD,open\r\n");
        }
        _csv = b.ToString();
    }

    [Benchmark(Baseline = true, Description = "char by char + StringBuilder (before)")]
    public int CharByChar()
    {
        var reader = new Allometry.Adapters.Ledger.Tests.Tabular.ReferenceCsvRecordReader(new StringReader(_csv), ',');
        var fields = 0;
        while (reader.Read() is { } record) fields += record.Count;
        return fields;
    }

    [Benchmark(Description = "block tokenizer (CsvRecordReader)")]
    public int Block()
    {
        var reader = new CsvRecordReader(new StringReader(_csv), ',');
        var fields = 0;
        while (reader.Read() is { } record) fields += record.Count;
        return fields;
    }
}
