namespace Allometry.Core.Postgres.Exceptions.Screening;

using Npgsql;

/// <summary>Runs a screen's statement and collects its (project_id, invoice_id) rows.</summary>
internal static class ScreenQuery
{
    /// <summary>
    /// Runs <paramref name="sql"/>, whose rows are <c>(project_id text, invoice_id text)</c>: a
    /// project id names a project to read whole, else the invoice id names a projectless invoice.
    /// </summary>
    public static async Task<ScreenResult> RunAsync(NpgsqlConnection connection, string sql, IEnumerable<NpgsqlParameter> parameters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(parameter);
        var projects = new HashSet<string>(StringComparer.Ordinal);
        var invoices = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            if (!reader.IsDBNull(0)) projects.Add(reader.GetString(0));
            else if (!reader.IsDBNull(1)) invoices.Add(reader.GetString(1));
        }
        return new ScreenResult(projects, invoices);
    }
}
