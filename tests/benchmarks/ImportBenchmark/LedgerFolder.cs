namespace Allometry.Benchmarks.Import;

using System.Globalization;
using System.Text;

/// <summary>
/// Writes a ledger workbook as a folder of CSV files (meta.csv, payers.csv, invoices.csv) in the
/// shape of import-format.md: QC invoices with GST + QST, ON and NS with HST, BC with GST + PST,
/// tax columns blank where they do not apply, totals that add up, partly paid and paid balances,
/// retainage on progress bills, a few credit notes, payer names with accents and commas (quoted).
/// Deterministic (fixed seed), streamed (never held in memory).
/// </summary>
internal static class LedgerFolder
{
    public const string InvoiceColumns =
        "invoice_id,payer_id,project_id,kind,issue_date,due_date,subtotal,gst,hst,qst,pst,total,balance,retainage_held,tax_province,registration_numbers,currency,status";

    private static readonly string[] Kinds = ["progress", "progress", "progress", "final", "deposit", "service", "other"];
    private static readonly string[] Provinces = ["QC", "QC", "QC", "ON", "ON", "NS", "BC"];
    private static readonly string[] Names =
    [
        "Érablière Saint-Gédéon", "Constructions Lévis, inc.", "Northern Solar Co.", "Bornes Électriques Québec",
        "Groupe Côté \"Énergie\"", "Halifax Harbour Lockers", "Okanagan Charge Ltd.", "Promoteur Beauport S.E.N.C.",
    ];

    public static string InvoicesPath(string folder) => Path.Combine(folder, "invoices.csv");

    public static void Generate(string folder, int rows, int payers)
    {
        Directory.CreateDirectory(folder);
        var utf8 = new UTF8Encoding(false);
        File.WriteAllText(Path.Combine(folder, "meta.csv"),
            "key,value\r\nas_of,2026-03-31\r\ntenant,Benchmark Énergie inc.\r\ncurrency,CAD\r\nseller_province,QC\r\n" +
            "seller_gst_hst_number,123456789RT0001\r\nseller_qst_number,1234567890TQ0001\r\nlanguage,fr\r\n", utf8);

        using (var w = Writer(Path.Combine(folder, "payers.csv"), utf8))
        {
            w.Write("payer_id,name,aliases,province,gst_hst_number,qst_number,credit_limit,language,email\r\n");
            for (var p = 1; p <= payers; p++)
            {
                var name = Names[p % Names.Length] + " " + p.ToString(CultureInfo.InvariantCulture);
                var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                var province = Provinces[p % Provinces.Length];
                w.Write(string.Create(CultureInfo.InvariantCulture,
                    $"P-{p:D6},{quoted},{(p % 5 == 0 ? $"Alias {p};Alt {p}" : "")},{province},{100000000 + p}RT0001,{(province == "QC" ? $"{1000000000 + p}TQ0001" : "")},{(p % 4 + 1) * 25000}.00,{(province == "QC" ? "fr" : "en")},ar{p}@example.ca\r\n"));
            }
        }

        var random = new Random(42);
        var start = new DateOnly(2024, 1, 1);
        using (var w = Writer(InvoicesPath(folder), utf8))
        {
            w.Write(InvoiceColumns + "\r\n");
            for (var i = 1; i <= rows; i++)
            {
                var province = Provinces[random.Next(Provinces.Length)];
                var kind = Kinds[random.Next(Kinds.Length)];
                var credit = random.Next(100) == 0;
                var subtotal = random.Next(5_000, 5_000_000) / 100m * (credit ? -1 : 1);
                decimal? gst = null, hst = null, qst = null, pst = null;
                string registrations;
                switch (province)
                {
                    case "QC": gst = Tax(subtotal, 0.05m); qst = Tax(subtotal, 0.09975m); registrations = "TPS 123456789RT0001; TVQ 1234567890TQ0001"; break;
                    case "ON": hst = Tax(subtotal, 0.13m); registrations = "HST 123456789RT0001"; break;
                    case "NS": hst = Tax(subtotal, 0.14m); registrations = "HST 123456789RT0001"; break;
                    default: gst = Tax(subtotal, 0.05m); pst = Tax(subtotal, 0.07m); registrations = "GST 123456789RT0001"; break;
                }
                var total = subtotal + (gst ?? 0m) + (hst ?? 0m) + (qst ?? 0m) + (pst ?? 0m);
                var paid = random.Next(3);
                var balance = paid switch { 0 => 0m, 1 => total, _ => decimal.Round(total * random.Next(1, 100) / 100m, 2, MidpointRounding.AwayFromZero) };
                var retainage = kind == "progress" && !credit ? Tax(subtotal, 0.10m) : (decimal?)null;
                var issue = start.AddDays(random.Next(800));
                var due = issue.AddDays(kind == "deposit" ? 0 : 30 + 15 * random.Next(3));
                w.Write(string.Create(CultureInfo.InvariantCulture,
                    $"INV-{i:D8},P-{random.Next(payers) + 1:D6},,{(credit ? "other" : kind)},{issue:yyyy-MM-dd},{due:yyyy-MM-dd},{subtotal:0.00},{gst:0.00},{hst:0.00},{qst:0.00},{pst:0.00},{total:0.00},{balance:0.00},{retainage:0.00},{province},{registrations},CAD,{(balance == 0m ? "paid" : "open")}\r\n"));
            }
        }
    }

    private static decimal Tax(decimal amount, decimal rate) => decimal.Round(amount * rate, 2, MidpointRounding.AwayFromZero);

    private static StreamWriter Writer(string path, Encoding encoding) => new(path, false, encoding, 1 << 16);
}
