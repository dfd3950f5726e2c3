namespace Allometry.Core.Diagnostics;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;

/// <summary>
/// Rule settings for a prospect's ledger, which has no tenant configuration yet: the defaults,
/// plus what the ledger itself says — the seller's PST registrations (meta) and, for each
/// linked group, its root payer's credit limit as the group limit.
/// </summary>
public static class DiagnosticSettings
{
    public static RuleSettings For(LedgerSnapshot ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var roots = PayerGroups.Of(ledger, ledger.Meta.AsOf).Where(g => g.Members.Count > 1).Select(g => g.Root);
        var limits = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            if (ledger.Payer(root)?.CreditLimit is { } limit) limits[root] = limit;
        }
        return RuleSettings.Default with
        {
            SellerPstRegistrations = ledger.Meta.SellerPstRegistrations.ToHashSet(),
            GroupCreditLimits = limits,
        };
    }
}
