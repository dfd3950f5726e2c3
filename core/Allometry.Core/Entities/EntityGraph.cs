namespace Allometry.Core.Entities;

using Allometry.Core.Ledger;

/// <summary>
/// The payers' <c>entity_links</c> as a graph, answering the two questions the collections rules,
/// the re-routing action and the weekly exposure summary ask: which payers form one credit group,
/// and which entity holds a liability on a given date. Pure and immutable; every question takes
/// the date it is asked for, because links carry effective dates.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A link with no effective date has always been in force; one dated after the question's
/// date is ignored (an acquisition signed for next month does not merge groups today).</item>
/// <item>Groups: parent, affiliate and successor links join payers, in either direction. A handoff
/// does not: it moves the liability of a project between independent companies (a builder and a
/// developer are not one credit risk).</item>
/// <item>Liability: successor and handoff links move it from → to, on and after the effective date
/// (an invoice issued on the handoff day belongs to the new entity). Chains are followed; a cycle
/// stops at the first entity that would be visited twice.</item>
/// </list>
/// </remarks>
public sealed class EntityGraph
{
    private readonly ILookup<string, EntityLink> _byPayer;
    private readonly ILookup<string, EntityLink> _transfersFrom;
    private readonly ILookup<string, EntityLink> _transfersTo;

    public EntityGraph(IEnumerable<EntityLink> links)
    {
        Links = [.. links];
        _byPayer = Links
            .SelectMany(l => new[] { (Key: l.FromPayerId, Link: l), (Key: l.ToPayerId, Link: l) })
            .ToLookup(x => x.Key, x => x.Link, StringComparer.Ordinal);
        _transfersFrom = Links.Where(l => MovesLiability(l.Kind)).ToLookup(l => l.FromPayerId, StringComparer.Ordinal);
        _transfersTo = Links.Where(l => MovesLiability(l.Kind)).ToLookup(l => l.ToPayerId, StringComparer.Ordinal);
    }

    /// <summary>A graph with no links: every payer is its own group and holds its own liability.</summary>
    public static EntityGraph Empty { get; } = new([]);

    /// <summary>Every link, in the order given.</summary>
    public IReadOnlyList<EntityLink> Links { get; }

    /// <summary>The graph of a ledger's <c>entity_links</c> sheet (empty when the sheet is absent).</summary>
    public static EntityGraph Of(LedgerSnapshot ledger) => new(ledger.EntityLinks);

    /// <summary>True for the kinds that make two payers one credit group.</summary>
    public static bool JoinsGroup(EntityLinkKind kind) => kind is not EntityLinkKind.Handoff;

    /// <summary>True for the kinds that move a liability from one entity to another.</summary>
    public static bool MovesLiability(EntityLinkKind kind) => kind is EntityLinkKind.Successor or EntityLinkKind.Handoff;

    /// <summary>True when the link is in force on <paramref name="on"/> (undated links always are).</summary>
    public static bool IsEffective(EntityLink link, DateOnly on) => link.EffectiveDate is not { } date || date <= on;

    /// <summary>Links where the payer is either end, whatever their date.</summary>
    public IEnumerable<EntityLink> LinksOf(string payerId) => _byPayer[payerId];

    /// <summary>
    /// The parents above <paramref name="payerId"/>, nearest first (with several parents at one
    /// level, in ordinal order); a parent cycle stops at the first repeat.
    /// </summary>
    public IReadOnlyList<string> AncestorsOf(string payerId, DateOnly on)
    {
        var ancestors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { payerId };
        var level = new List<string> { payerId };
        while (level.Count > 0)
        {
            level = [.. level.SelectMany(child => ParentLinks(child, on).Select(l => l.FromPayerId))
                .Where(seen.Add)
                .Order(StringComparer.Ordinal)];
            ancestors.AddRange(level);
        }
        return ancestors;
    }

    /// <summary>The credit group of <paramref name="payerId"/> on a date; a payer with no grouping link is a group of one.</summary>
    public EntityGroup GroupOf(string payerId, DateOnly on)
    {
        var members = new HashSet<string>(StringComparer.Ordinal) { payerId };
        var queue = new Queue<string>([payerId]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var link in _byPayer[current].Where(l => JoinsGroup(l.Kind) && IsEffective(l, on)))
            {
                var other = string.Equals(link.FromPayerId, current, StringComparison.Ordinal) ? link.ToPayerId : link.FromPayerId;
                if (members.Add(other)) queue.Enqueue(other);
            }
        }
        return new EntityGroup(RootAmong(members, on), [.. members.Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The group's root: its topmost parent (a member that is the parent of another and has no
    /// parent itself). When there are several, or none (affiliates only, or a parent cycle), the
    /// ordinally smallest candidate id, so the same group keeps the same name on every run.
    /// </summary>
    public string RootOf(string payerId, DateOnly on) => GroupOf(payerId, on).RootId;

    /// <summary>Every group of two payers or more on a date, ordered by root id.</summary>
    public IReadOnlyList<EntityGroup> GroupsOn(DateOnly on)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var groups = new List<EntityGroup>();
        foreach (var payerId in Links.Where(l => JoinsGroup(l.Kind) && IsEffective(l, on)).SelectMany(l => new[] { l.FromPayerId, l.ToPayerId }))
        {
            if (!seen.Add(payerId)) continue;
            var group = GroupOf(payerId, on);
            seen.UnionWith(group.Members);
            if (group.Members.Count > 1) groups.Add(group);
        }
        return [.. groups.OrderBy(g => g.RootId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The entity holding <paramref name="payerId"/>'s liability on <paramref name="on"/>, by
    /// following successor and handoff links in force that day. From one entity, the most recent
    /// transfer wins (ties: ordinal target id). <paramref name="follow"/> lets a caller skip links
    /// that do not concern it, e.g. a handoff that moved another project.
    /// </summary>
    public LiabilityTrail HolderOn(string payerId, DateOnly on, Func<EntityLink, bool>? follow = null)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { payerId };
        var transfers = new List<EntityLink>();
        var current = payerId;
        while (_transfersFrom[current]
                   .Where(l => IsEffective(l, on) && !visited.Contains(l.ToPayerId) && (follow?.Invoke(l) ?? true))
                   .OrderByDescending(l => l.EffectiveDate ?? DateOnly.MinValue)
                   .ThenBy(l => l.ToPayerId, StringComparer.Ordinal)
                   .FirstOrDefault() is { } next)
        {
            transfers.Add(next);
            current = next.ToPayerId;
            visited.Add(current);
        }
        return new LiabilityTrail(payerId, on, current, transfers);
    }

    /// <summary>
    /// Every entity whose liability can reach <paramref name="payerId"/> through successor or
    /// handoff links, whatever their dates (not the payer itself).
    /// </summary>
    public IReadOnlySet<string> PredecessorsOf(string payerId)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([payerId]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var link in _transfersTo[current])
            {
                if (!string.Equals(link.FromPayerId, payerId, StringComparison.Ordinal) && found.Add(link.FromPayerId))
                {
                    queue.Enqueue(link.FromPayerId);
                }
            }
        }
        return found;
    }

    private IEnumerable<EntityLink> ParentLinks(string childId, DateOnly on) =>
        _byPayer[childId].Where(l => l.Kind == EntityLinkKind.Parent && IsEffective(l, on)
                                     && string.Equals(l.ToPayerId, childId, StringComparison.Ordinal));

    private string RootAmong(IReadOnlySet<string> members, DateOnly on)
    {
        var parentLinks = members.SelectMany(m => ParentLinks(m, on)).ToList();
        var children = parentLinks.Select(l => l.ToPayerId).ToHashSet(StringComparer.Ordinal);
        var topmost = parentLinks.Select(l => l.FromPayerId).Where(p => !children.Contains(p)).ToList();
        IEnumerable<string> candidates = topmost.Count > 0 ? topmost : members;
        return candidates.Min(StringComparer.Ordinal)!;
    }
}
