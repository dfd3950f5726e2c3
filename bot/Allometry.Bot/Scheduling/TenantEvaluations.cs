namespace Allometry.Bot.Scheduling;

using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Ledger;

/// <summary>Runs the exception engine for tenants that have a ledger; a tenant without one is skipped, not an error.</summary>
internal sealed class TenantEvaluations(ExceptionEvaluator evaluator)
{
    /// <summary>Evaluates <paramref name="tenantId"/> as of its ledger's date; null when it has no ledger yet.</summary>
    public async Task<ExceptionEvaluation?> EvaluateAsync(string tenantId, CancellationToken ct)
    {
        try
        {
            // The ledger's own as-of date, as the CLI and the import do, so the host and a person
            // running `allometry evaluate` agree; snoozes end on the clock's today regardless.
            return await evaluator.EvaluateTenantAsync(tenantId, null, ct).ConfigureAwait(false);
        }
        catch (LedgerNotFoundException)
        {
            return null;
        }
    }
}
