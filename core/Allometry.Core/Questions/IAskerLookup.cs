namespace Allometry.Core.Questions;

using Allometry.Core.People;

/// <summary>
/// Finds the internal user behind an email for a tenant (who is asking, with which role). `ask`
/// looks in the people store first; <c>LedgerAskerLookup</c> is its fallback for a ledger that has
/// no users yet (the ledger's project managers, roles from <c>ALLOMETRY_ASKERS</c>).
/// </summary>
public interface IAskerLookup
{
    /// <summary>The user with <paramref name="email"/> in <paramref name="tenantId"/>, or null when unknown there.</summary>
    Task<InternalUser?> FindByEmailAsync(string tenantId, string email, CancellationToken ct);
}
