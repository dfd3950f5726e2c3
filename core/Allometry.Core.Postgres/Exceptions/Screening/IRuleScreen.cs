namespace Allometry.Core.Postgres.Exceptions.Screening;

using Npgsql;

/// <summary>
/// A conservative, set-based SQL screen for one or more rules: the projects (and projectless
/// invoices) where those rules might find something on the as-of date. The full evaluation loads
/// only what the screens name (plus the base scope the loader always reads) and runs the pure C#
/// rules over it, so a million paid-up invoices are never decoded.
/// </summary>
/// <remarks>
/// Sound means: every subject a screened rule would report when run over the whole ledger lies in
/// a returned project or is a returned invoice. A screen may return more (a false positive costs
/// load time), never less (a miss is a silently lost finding). The rules stay the authority; the
/// equivalence tests compare a screened evaluation with a whole-ledger one.
/// Screens are discovered by reflection (concrete types with a public parameterless constructor),
/// like <see cref="Allometry.Core.Rules.RuleCatalog"/>: adding one is adding one file.
/// </remarks>
public interface IRuleScreen
{
    /// <summary>The rules this screen covers. It is not run when none of them runs (disabled, or missing data).</summary>
    IReadOnlyList<string> RuleIds { get; }

    /// <summary>
    /// Finds the candidates, reading through <paramref name="connection"/> (already open, inside the
    /// evaluation's repeatable-read transaction, so every screen and every load sees one state).
    /// </summary>
    Task<ScreenResult> RunAsync(NpgsqlConnection connection, ScreenContext context, CancellationToken ct);
}
