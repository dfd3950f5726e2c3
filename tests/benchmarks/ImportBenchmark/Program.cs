// Generates N invoices (and the payers they name) as CSV, imports them through LedgerImporter into
// a fresh database, then times psql \copy of the same invoice CSV into an unindexed table on the
// same server, and prints both times, the ratio and the importer's peak RSS.
using System.Diagnostics;
using System.Globalization;
using Allometry.Benchmarks.Import;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Migrations;
using Allometry.Core.Postgres.Server;
using Npgsql;

var options = BenchmarkOptions.Parse(args);
var work = Directory.CreateTempSubdirectory("allometry-bench-");
try
{
    Console.WriteLine($"Generating {options.Rows:N0} invoices for {options.Payers:N0} payers in {work.FullName} …");
    var files = CsvLedger.Generate(work.FullName, options.Rows, options.Payers);

    if (options.ReaderOnly)
    {
        // How much of the import time is the benchmark's own CSV reading.
        var readClock = Stopwatch.StartNew();
        var count = CsvLedger.Read(files).Invoices.LongCount();
        Console.WriteLine($"reading {count:N0} invoices alone: {readClock.Elapsed.TotalSeconds:0.00} s");
        return;
    }

    var serverOptions = PostgresServerOptions.ForTests() with
    {
        Fsync = options.Fsync,
        Settings = options.LogSlowStatements ? new Dictionary<string, string> { ["log_min_duration_statement"] = "50" } : new Dictionary<string, string>(),
    };
    await using var server = await PostgresServer.StartAsync(serverOptions);
    Console.WriteLine($"PostgreSQL on 127.0.0.1:{server.Port} (fsync {(options.Fsync ? "on" : "off")}), binaries {server.BinDirectory}");
    await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
    await new Migrator(dataSource).MigrateAsync();

    var importer = new LedgerImporter(dataSource);
    var batch = CsvLedger.Read(files);
    var importClock = Stopwatch.StartNew();
    var result = await importer.ImportAsync("bench", batch);
    importClock.Stop();
    var peakRss = PeakRss.Read();
    var invoices = result.Sheets.Single(s => s.Sheet == "invoices");

    var copyTime = await PsqlCopy.TimeAsync(server, dataSource, files.Invoices);

    var ratio = importClock.Elapsed.TotalSeconds / copyTime.TotalSeconds;
    Console.WriteLine();
    Console.WriteLine($"reader                 : simple streaming CSV reader in this benchmark (not the adapter's workbook reader)");
    Console.WriteLine($"rows                   : {invoices.Inserted:N0} invoices + {options.Payers:N0} payers inserted");
    Console.WriteLine($"LedgerImporter         : {importClock.Elapsed.TotalSeconds:0.00} s  ({invoices.Read / importClock.Elapsed.TotalSeconds:N0} rows/s)");
    Console.WriteLine($"psql \\copy (unindexed) : {copyTime.TotalSeconds:0.00} s  ({options.Rows / copyTime.TotalSeconds:N0} rows/s)");
    Console.WriteLine($"ratio                  : {ratio:0.00}x (goal <= 1.5x)");
    Console.WriteLine($"peak RSS (VmHWM)       : {peakRss / 1024.0 / 1024.0:0} MB (goal <= 500 MB)");
    if (options.LogSlowStatements)
    {
        Console.WriteLine();
        Console.WriteLine("Statements over 50 ms (server log):");
        foreach (var line in File.ReadLines(server.LogFile).Where(l => l.Contains("duration:", StringComparison.Ordinal)))
        {
            Console.WriteLine("  " + (line.Length > 220 ? line[..220] + "…" : line));
        }
    }
}
finally
{
    work.Delete(recursive: true);
}
