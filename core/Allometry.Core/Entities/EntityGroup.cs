namespace Allometry.Core.Entities;

/// <summary>
/// Payers joined into one credit group by parent, affiliate or successor links (a connected
/// component of <see cref="EntityGraph"/>), named by its root.
/// </summary>
/// <param name="RootId">The group's stable name: its topmost parent (see <see cref="EntityGraph.RootOf"/>).</param>
/// <param name="Members">Every payer of the group, the root included, in ordinal order.</param>
public sealed record EntityGroup(string RootId, IReadOnlyList<string> Members)
{
    public bool Contains(string payerId) => Members.Contains(payerId, StringComparer.Ordinal);
}
