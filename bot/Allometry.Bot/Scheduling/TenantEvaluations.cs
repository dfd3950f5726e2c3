namespace Allometry.Bot.Scheduling;

using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Ledger;

/// <summary>Runs the exception engine for tenants that have a ledger; a tenant without one is skipped, not an error.</summary>
internal sealed class TenantEvaluations(ExceptionEvaluator evaluator, LedgerWorkGate gate)
{
    /// <summary>
    /// Evaluates <paramref name="tenantId"/> as of its ledger's date and returns how many exceptions
    /// changed; null when it has no ledger yet.
    /// </summary>
    public Task<int?> EvaluateAsync(string tenantId, CancellationToken ct) =>
        // The whole ledger is in memory while it runs: one such job at a time (see LedgerWorkGate).
        gate.RunAsync<int?>(async token =>
        {
            try
            {
                // The ledger's own as-of date, as the CLI and the import do, so the host and a person
                // running `allometry evaluate` agree; snoozes end on the clock's today regardless.
                // Only the count leaves: the evaluation's findings reach into the ledger it read, and
                // the gate's collection can give that memory back only once nothing holds it.
                return (await evaluator.EvaluateTenantAsync(tenantId, null, token).ConfigureAwait(false)).Changed;
            }
            catch (LedgerNotFoundException)
            {
                return null;
            }
        }, ct);
}
