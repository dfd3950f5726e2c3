namespace Allometry.Core.Postgres.Exceptions.Screening;

using Dapper;
using Npgsql;

/// <summary>
/// Runs a screen's statement inside the evaluation's transaction, where ScreenedLedgerLoader has
/// turned JIT off (a screen reads a few hundred index entries, but its estimated cost passes
/// jit_above_cost: compiling one took 350 ms where running it takes 20).
/// </summary>
internal static class ProjectScreenQuery
{
    /// <summary>The distinct ids <paramref name="sql"/> returns (its first column).</summary>
    public static async Task<IReadOnlyCollection<string>> IdsAsync(NpgsqlConnection connection, string sql, object parameters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(sql, parameters, cancellationToken: ct)).ConfigureAwait(false);
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The candidates <paramref name="sql"/> returns as <c>(project_id, invoice_id)</c> rows: a
    /// project to read whole, else (project_id null) a projectless invoice.
    /// </summary>
    public static async Task<ScreenResult> ProjectsAndInvoicesAsync(NpgsqlConnection connection, string sql, object parameters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var rows = await connection.QueryAsync<(string? ProjectId, string? InvoiceId)>(
            new CommandDefinition(sql, parameters, cancellationToken: ct)).ConfigureAwait(false);
        var projects = new HashSet<string>(StringComparer.Ordinal);
        var invoices = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (project, invoice) in rows)
        {
            if (project is not null) projects.Add(project);
            else if (invoice is not null) invoices.Add(invoice);
        }
        return new ScreenResult(projects, invoices);
    }

    /// <summary>
    /// <paramref name="date"/> moved by <paramref name="days"/>, held inside the calendar: a
    /// setting far out of range then bounds nothing (or everything) instead of failing the evaluation.
    /// </summary>
    public static DateOnly Shift(DateOnly date, long days) =>
        DateOnly.FromDayNumber((int)Math.Clamp(date.DayNumber + days, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));
}
