namespace Allometry.Core.Questions;

using Allometry.Core.People;

/// <summary>
/// Finds the internal user behind an email for a tenant (who is asking, with which role). The
/// people store of the conversation core implements the same lookup; until it is wired here,
/// <c>LedgerAskerLookup</c> answers from the ledger's project managers and configured roles.
/// </summary>
public interface IAskerLookup
{
    /// <summary>The user with <paramref name="email"/> in <paramref name="tenantId"/>, or null when unknown there.</summary>
    Task<InternalUser?> FindByEmailAsync(string tenantId, string email, CancellationToken ct);
}
