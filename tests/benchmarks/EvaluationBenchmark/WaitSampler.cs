namespace Allometry.Benchmarks.Evaluation;

using Npgsql;

// --trace: samples pg_stat_activity every 10 ms on its own connection and counts what the other
// client backends were doing (state and wait event), to see whether incremental calls wait on
// locks, I/O or the client rather than run.
internal static class WaitSampler
{
    private const string Sql = """
        SELECT state || ' / ' || coalesce(wait_event_type || ':' || wait_event, 'running')
        FROM pg_stat_activity
        WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND datname = current_database()
        """;

    public static async Task<Dictionary<string, int>> RunAsync(string connectionString, CancellationToken ct)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(Sql, connection);
        await command.PrepareAsync(CancellationToken.None);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None))
                {
                    while (await reader.ReadAsync(CancellationToken.None))
                    {
                        var key = reader.IsDBNull(0) ? "(none)" : reader.GetString(0);
                        counts[key] = counts.GetValueOrDefault(key) + 1;
                    }
                }
                await Task.Delay(10, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The incremental phase is over.
        }
        return counts;
    }
}
