namespace Allometry.Core.Actions;

/// <summary>A tenant's choices that widen or narrow the permission matrix.</summary>
public sealed record PermissionSettings
{
    /// <summary>When true, project managers see every project, not only their own.</summary>
    /// <value>false</value>
    public bool ProjectManagersSeeAllProjects { get; init; }

    /// <summary>A retainage release above this amount needs a second finance approval.</summary>
    /// <value>25,000.00</value>
    public decimal SecondApprovalThreshold { get; init; } = 25_000m;

    public static PermissionSettings Default { get; } = new();
}
