namespace Allometry.Core.Diagnostics;

using Allometry.Core.Ledger;

/// <summary>
/// Credit groups for the exposure view: payers joined by parent, affiliate or successor links in
/// force on the date (a handoff moves one project's liability between independent companies and
/// does not join them), rooted at the topmost parent, else the ordinally smallest member — the
/// same grouping the linked-group rule uses, so the chart and the findings agree.
/// </summary>
internal static class PayerGroups
{
    public static IReadOnlyList<(string Root, IReadOnlyList<string> Members)> Of(LedgerSnapshot ledger, DateOnly on)
    {
        var links = ledger.EntityLinks
            .Where(l => l.Kind != EntityLinkKind.Handoff && (l.EffectiveDate is not { } d || d <= on))
            .ToList();
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string id)
        {
            while (parent.TryGetValue(id, out var up) && !string.Equals(up, id, StringComparison.Ordinal)) id = up;
            return id;
        }
        void Union(string a, string b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (string.Equals(ra, rb, StringComparison.Ordinal)) return;
            // The smaller id becomes the representative: the result does not depend on link order.
            if (string.CompareOrdinal(ra, rb) < 0) parent[rb] = ra;
            else parent[ra] = rb;
        }
        foreach (var payer in ledger.Payers) parent.TryAdd(payer.PayerId, payer.PayerId);
        foreach (var link in links)
        {
            parent.TryAdd(link.FromPayerId, link.FromPayerId);
            parent.TryAdd(link.ToPayerId, link.ToPayerId);
            Union(link.FromPayerId, link.ToPayerId);
        }

        var parentLinks = links.Where(l => l.Kind == EntityLinkKind.Parent).ToList();
        return
        [
            .. parent.Keys.GroupBy(Find, StringComparer.Ordinal).Select(g =>
            {
                var members = g.Order(StringComparer.Ordinal).ToList();
                var set = members.ToHashSet(StringComparer.Ordinal);
                var inGroup = parentLinks.Where(l => set.Contains(l.ToPayerId)).ToList();
                var children = inGroup.Select(l => l.ToPayerId).ToHashSet(StringComparer.Ordinal);
                var topmost = inGroup.Select(l => l.FromPayerId).Where(p => !children.Contains(p)).ToList();
                var root = (topmost.Count > 0 ? topmost : members).Min(StringComparer.Ordinal)!;
                return (root, (IReadOnlyList<string>)members);
            }),
        ];
    }
}
