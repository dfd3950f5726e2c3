namespace Allometry.Core.Tenants;

using System.Text.RegularExpressions;

/// <summary>
/// Tenant ids are short lowercase slugs (<c>borealis</c>, <c>acme-solar</c>): they appear in
/// every row, in logs and in URLs, so they stay readable and need no escaping.
/// </summary>
public static partial class TenantId
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>Returns <paramref name="id"/> or throws with a message naming the rule.</summary>
    public static string Require(string? id) =>
        IsValid(id)
            ? id!
            : throw new ArgumentException($"Tenant id '{id}' is not valid: use 1–63 lowercase letters, digits and hyphens, starting with a letter or digit.", nameof(id));
}
