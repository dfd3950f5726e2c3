namespace Allometry.Bot.Cli.Commands;

using Allometry.Core.Localization;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Tenants;

/// <summary>Which tenant a command works on when the user did not say: the only one there is, or a clear question.</summary>
internal static class TenantChoice
{
    public static async Task<string> ResolveAsync(TenantDirectory tenants, string? asked, Language language, CancellationToken ct)
    {
        if (asked is not null) return TenantId.Require(asked);
        var known = await tenants.ListAsync(ct);
        return known.Count switch
        {
            1 => known[0],
            0 => throw new ArgumentException(language == Language.Fr
                ? "Aucun locataire : importez d'abord un grand livre (allometry import …)."
                : "No tenant yet: import a ledger first (allometry import …)."),
            _ => throw new ArgumentException(language == Language.Fr
                ? $"Plusieurs locataires : précisez --tenant ({string.Join(", ", known)})."
                : $"Several tenants: pass --tenant ({string.Join(", ", known)})."),
        };
    }
}
