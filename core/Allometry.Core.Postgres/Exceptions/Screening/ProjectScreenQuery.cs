namespace Allometry.Core.Postgres.Exceptions.Screening;

using Dapper;
using Npgsql;

/// <summary>Runs a screen's statement: one column of ids, read inside the evaluation's transaction.</summary>
internal static class ProjectScreenQuery
{
    // A screen reads a few hundred index entries, but its estimated cost (per-project subplans over
    // tens of thousands of estimated rows) passes jit_above_cost: compiling it took 350 ms where
    // running it takes 20. SET LOCAL: it lasts until the evaluation's transaction ends, and the
    // screened read after the screens is no place for JIT either (the importer turns it off too).
    private const string NoJitSql = "SET LOCAL jit = off";

    /// <summary>The distinct ids <paramref name="sql"/> returns (its first column).</summary>
    public static async Task<IReadOnlyCollection<string>> IdsAsync(NpgsqlConnection connection, string sql, object parameters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await connection.ExecuteAsync(new CommandDefinition(NoJitSql, cancellationToken: ct)).ConfigureAwait(false);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(sql, parameters, cancellationToken: ct)).ConfigureAwait(false);
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// <paramref name="date"/> moved by <paramref name="days"/>, held inside the calendar: a
    /// setting far out of range then bounds nothing (or everything) instead of failing the evaluation.
    /// </summary>
    public static DateOnly Shift(DateOnly date, long days) =>
        DateOnly.FromDayNumber((int)Math.Clamp(date.DayNumber + days, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));
}
