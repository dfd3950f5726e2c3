namespace Allometry.Benchmarks.Import;

using System.Diagnostics;
using Allometry.Core.Postgres.Server;
using Npgsql;

/// <summary>The baseline: psql's \copy of the same invoice CSV into a table without any index or constraint.</summary>
internal static class PsqlCopy
{
    private const string CreateTable = """
        CREATE TABLE bench_copy (
            invoice_id text, payer_id text, project_id text, kind text, issue_date date, due_date date,
            subtotal numeric(14,2), gst numeric(14,2), hst numeric(14,2), qst numeric(14,2), pst numeric(14,2),
            total numeric(14,2), balance numeric(14,2), retainage_held numeric(14,2), tax_province text,
            registration_numbers text, currency char(3), status text)
        """;

    public static async Task<TimeSpan> TimeAsync(PostgresServer server, NpgsqlDataSource dataSource, string csv)
    {
        await using (var command = dataSource.CreateCommand(CreateTable))
        {
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(server.ConnectionString);
        var psi = new ProcessStartInfo(Path.Combine(server.BinDirectory, "psql"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", builder.Host!, "-p", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", builder.Username!, "-d", builder.Database!, "-c", $"\\copy bench_copy FROM '{csv}' WITH (FORMAT csv, HEADER true)" })
        {
            psi.ArgumentList.Add(a);
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("psql did not start");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        clock.Stop();
        if (process.ExitCode != 0) throw new InvalidOperationException("psql \\copy failed: " + error);
        return clock.Elapsed;
    }
}

/// <summary>The process's peak resident set size, from /proc/self/status (VmHWM, in kB).</summary>
internal static class PeakRss
{
    /// <summary>Resets VmHWM to the current RSS (Linux: "5" to /proc/self/clear_refs), so generating the data does not count.</summary>
    public static void Reset()
    {
        GC.Collect();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
            // Not Linux or not permitted: the peak then includes the generation step.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public static long Read()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }
        return -1;
    }
}

