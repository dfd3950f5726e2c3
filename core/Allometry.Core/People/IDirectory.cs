namespace Allometry.Core.People;

/// <summary>
/// A platform's people directory: links a chat user to an internal user by verified email, and
/// finds a manager for "escalate to manager". Adapters implement it (Graph for Teams, the Web API
/// for Slack); a platform that cannot answer returns null and the tenant's escalation map is used.
/// </summary>
public interface IDirectory
{
    /// <summary>The platform this directory answers for.</summary>
    Platform Platform { get; }

    /// <summary>The user behind an identity, or null when the directory does not know them.</summary>
    Task<DirectoryUser?> FindUserAsync(PlatformIdentity identity, CancellationToken ct);

    /// <summary>The user's manager's email, or null when unknown or not allowed (Graph refuses app-only /manager in some tenants).</summary>
    Task<string?> FindManagerEmailAsync(PlatformIdentity identity, CancellationToken ct);
}
