namespace Allometry.Core.Postgres.Ledger;

/// <summary>The tenant has no imported ledger, or its ledger has no such project.</summary>
public sealed class LedgerNotFoundException : InvalidOperationException
{
    public LedgerNotFoundException(string tenantId, string? projectId = null)
        : base(projectId is null
            ? $"Tenant '{tenantId}' has no imported ledger: import one first."
            : $"Tenant '{tenantId}' has no project '{projectId}'.")
    {
        TenantId = tenantId;
        ProjectId = projectId;
    }

    public string TenantId { get; }

    /// <summary>The project asked for; null when the whole ledger is missing.</summary>
    public string? ProjectId { get; }
}
