namespace Allometry.Core.Cards.Building;

using System.Collections.Frozen;

/// <summary>The rules whose exceptions are about holdback/retenue, the only ones a card offers "release retainage" on.</summary>
public static class RetainageRules
{
    private static readonly FrozenSet<string> Ids = new[]
    {
        "HoldbackReleaseDue", "RetenueReleaseDue", "RetainageNeverInvoiced", "RetainageAgedMisclassified",
        "SuspectedRetainage", "HypothecDeadline",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="ruleId"/> is a retainage rule.</summary>
    public static bool Contains(string ruleId) => Ids.Contains(ruleId);
}
