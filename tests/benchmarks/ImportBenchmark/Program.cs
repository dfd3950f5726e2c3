// Generates a ledger workbook of N invoices as a CSV folder, then times the product's import path
// on it — LedgerWorkbookSource.Read (the workbook reader) + LedgerImporter.ImportAsync — into a
// fresh private PostgreSQL, and in the same run psql \copy of the same invoices.csv into an
// unindexed table on the same server. Prints wall times, rows/s, the ratio and peak RSS.
using System.Diagnostics;
using Allometry.Adapters.Ledger.Workbook;
using Allometry.Benchmarks.Import;
using Allometry.Core.Imports;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Migrations;
using Allometry.Core.Postgres.Server;
using Npgsql;

var options = BenchmarkOptions.Parse(args);
var folder = options.Data ?? Directory.CreateTempSubdirectory("allometry-bench-").FullName;
var keep = options.Data is not null;
try
{
    if (!File.Exists(LedgerFolder.InvoicesPath(folder)))
    {
        Console.WriteLine($"Generating {options.Rows:N0} invoices for {options.Payers:N0} payers in {folder} …");
        LedgerFolder.Generate(folder, options.Rows, options.Payers);
    }
    else
    {
        Console.WriteLine($"Using the workbook already in {folder}");
    }
    var source = new LedgerWorkbookSource();
    var readOptions = new LedgerReadOptions { Tenant = "bench" };
    PeakRss.Reset();

    if (options.ReaderOnly)
    {
        // The workbook reader alone: tokenizer, value parsers and row mappers, no database.
        var readCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var readClock = Stopwatch.StartNew();
        var only = source.Read(folder, readOptions);
        var payers = only.Payers.LongCount();
        var count = only.Invoices.LongCount();
        readClock.Stop();
        only.Issues.ThrowIfErrors();
        Console.WriteLine($"reading {count:N0} invoices + {payers:N0} payers through LedgerWorkbookSource: {readClock.Elapsed.TotalSeconds:0.00} s " +
                          $"({count / readClock.Elapsed.TotalSeconds:N0} rows/s), CPU {(Process.GetCurrentProcess().TotalProcessorTime - readCpu).TotalSeconds:0.00} s, peak RSS {PeakRss.Read() / 1024.0 / 1024.0:0} MB");
        return;
    }

    // The app's own server settings (PostgresServerOptions.ForApp: fsync on) in a throw-away folder.
    var serverOptions = PostgresServerOptions.ForTests() with
    {
        Fsync = options.Fsync,
        Settings = options.LogSlowStatements
            ? new Dictionary<string, string>
            {
                ["log_min_duration_statement"] = "50",
                // Plans of slow statements, including those PostgreSQL runs itself (foreign key validation on ATTACH).
                ["session_preload_libraries"] = "auto_explain",
                ["auto_explain.log_min_duration"] = "500",
                ["auto_explain.log_nested_statements"] = "on",
            }
            : new Dictionary<string, string>(),
    };
    await using var server = await PostgresServer.StartAsync(serverOptions);
    Console.WriteLine($"PostgreSQL on 127.0.0.1:{server.Port} (fsync {(options.Fsync ? "on, as the app runs it" : "off")}), binaries {server.BinDirectory}");
    await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
    await new Migrator(dataSource).MigrateAsync();
    var importer = new LedgerImporter(dataSource);
    PeakRss.Reset();

    var allocatedBefore = GC.GetTotalAllocatedBytes();
    var pausedBefore = GC.GetTotalPauseDuration();
    var cpuBefore = CpuTime.Self();
    var sysBefore = Process.GetCurrentProcess().PrivilegedProcessorTime;
    var serverCpuBefore = CpuTime.Server(server.DataDirectory);
    var importClock = Stopwatch.StartNew();
    var batch = source.Read(folder, readOptions);
    var result = await importer.ImportAsync("bench", batch);
    importClock.Stop();
    var importCpu = CpuTime.Self() - cpuBefore;
    var importSys = Process.GetCurrentProcess().PrivilegedProcessorTime - sysBefore;
    var importServerCpu = CpuTime.Server(server.DataDirectory) - serverCpuBefore;
    var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
    var paused = GC.GetTotalPauseDuration() - pausedBefore;
    var peakRss = PeakRss.Read();
    var invoices = result.Sheets.Single(s => s.Sheet == "invoices");
    var payersRead = result.Sheets.Single(s => s.Sheet == "payers");

    var psqlCpuBefore = CpuTime.Children();
    var copyServerCpuBefore = CpuTime.Server(server.DataDirectory);
    var copyTime = await PsqlCopy.TimeAsync(server, dataSource, LedgerFolder.InvoicesPath(folder));
    var psqlCpu = CpuTime.Children() - psqlCpuBefore;
    // psql's backend is counted once the postmaster has reaped it, a moment after psql exits.
    await Task.Delay(TimeSpan.FromMilliseconds(500));
    var copyServerCpu = CpuTime.Server(server.DataDirectory) - copyServerCpuBefore;

    var ratio = importClock.Elapsed.TotalSeconds / copyTime.TotalSeconds;
    Console.WriteLine();
    Console.WriteLine($"path                   : LedgerWorkbookSource.Read (CSV folder) + LedgerImporter.ImportAsync, tenant's first import");
    Console.WriteLine($"rows                   : {invoices.Inserted:N0} invoices + {payersRead.Inserted:N0} payers inserted");
    Console.WriteLine($"import                 : {importClock.Elapsed.TotalSeconds:0.00} s  ({invoices.Read / importClock.Elapsed.TotalSeconds:N0} rows/s)");
    Console.WriteLine($"  CPU                  : {importCpu.TotalSeconds:0.00} s client (all threads, {importSys.TotalSeconds:0.00} s of it in the kernel) + {importServerCpu.TotalSeconds:0.00} s server");
    Console.WriteLine($"  client GC            : {allocated / 1e9:0.00} GB allocated, {paused.TotalSeconds:0.00} s paused");
    Console.WriteLine($"psql \\copy (unindexed) : {copyTime.TotalSeconds:0.00} s  ({invoices.Read / copyTime.TotalSeconds:N0} rows/s)");
    Console.WriteLine($"  CPU                  : {psqlCpu.TotalSeconds:0.00} s psql + {copyServerCpu.TotalSeconds:0.00} s server");
    Console.WriteLine($"ratio                  : {ratio:0.00}x (goal <= 1.5x)");
    Console.WriteLine($"peak RSS (VmHWM)       : {peakRss / 1024.0 / 1024.0:0} MB during the import (goal <= 500 MB)");
    if (options.LogSlowStatements)
    {
        Console.WriteLine();
        Console.WriteLine("Statements over 50 ms (server log):");
        foreach (var line in File.ReadLines(server.LogFile).Where(l => l.Contains("duration:", StringComparison.Ordinal) || l.StartsWith(' ') || l.StartsWith('\t')))
        {
            Console.WriteLine("  " + (line.Length > 220 ? line[..220] + "…" : line));
        }
    }
}
finally
{
    if (!keep) Directory.Delete(folder, recursive: true);
}
