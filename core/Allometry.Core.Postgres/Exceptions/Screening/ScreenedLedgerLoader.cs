namespace Allometry.Core.Postgres.Exceptions.Screening;

using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Rules;
using Npgsql;

/// <summary>
/// Reads what a whole-tenant evaluation needs and nothing else: the base scope (open receivables,
/// unapplied cash, promises, aging lines, projects with live exceptions) plus the candidates of the
/// screens (<see cref="IRuleScreen"/>) of the rules that run. The rules run over the result exactly
/// as over the whole ledger and report the same findings (the equivalence tests hold it to that).
/// </summary>
/// <param name="dataSource">The database.</param>
public sealed class ScreenedLedgerLoader(NpgsqlDataSource dataSource)
{
    private readonly LedgerSnapshotStore _whole = new(dataSource);

    /// <summary>Loads the screened snapshot of <paramref name="tenantId"/> for an evaluation at <paramref name="asOf"/>.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="asOf">The evaluation date; by default the ledger's as-of date.</param>
    /// <param name="settings">The tenant's rule settings (which rules run, and the thresholds the screens use).</param>
    /// <param name="ct">Cancels the read.</param>
    /// <returns>A snapshot whose <see cref="LedgerSnapshot.Meta"/> and <see cref="LedgerSnapshot.PresentSheets"/> equal the whole ledger's.</returns>
    /// <exception cref="LedgerNotFoundException">The tenant has no imported ledger.</exception>
    public async Task<LedgerSnapshot> LoadAsync(string tenantId, DateOnly? asOf, RuleSettings settings, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(settings);
        // Placeholder until the screened read lands: the whole ledger (always sound, never fast).
        return await _whole.LoadAsync(tenantId, ct).ConfigureAwait(false);
    }
}
