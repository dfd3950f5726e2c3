namespace Allometry.Adapters.Teams.Audience;

using Allometry.Adapters.Teams.Cards;
using Allometry.Adapters.Teams.Connector;
using Allometry.Core.Cards;
using Allometry.Core.People;
using Microsoft.Extensions.Logging;

/// <summary>
/// Who an exception card's <c>refresh.userIds</c> names in a Teams conversation: the conversation's members who are
/// linked to a user of the realm's tenant, people whose role gives them more than the shared view first (finance and
/// executives, coordinators, the project's PM), at most <see cref="AdaptiveRenderOptions.MaxRefreshUserIds"/>, as
/// the members' MRIs. Teams then refreshes the card for each of them to the buttons their role allows.
/// </summary>
/// <remarks>
/// The core never sees Teams ids: the channel and the invoke path ask here while rendering. A roster the connector
/// will not give (the bot removed, a throttle that outlasted the retries) leaves the card without <c>userIds</c>:
/// it still works, each viewer refreshing it by hand; the reason is logged.
/// </remarks>
/// <seealso href="https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/user-specific-views"/>
internal sealed class RefreshAudience(ConversationMembers members, LinkedViewerStore viewers, TimeProvider time, ILogger<RefreshAudience> logger)
{
    /// <summary>
    /// The MRIs for <paramref name="card"/> shown in <paramref name="where"/>; empty for cards without a refresh and outside
    /// Teams. <paramref name="rosterWait"/> bounds the wait for a roster not read yet (an invoke must answer quickly).
    /// </summary>
    public async Task<IReadOnlyList<string>> ForAsync(Card card, ChannelAddress where, CancellationToken ct, TimeSpan? rosterWait = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(where);
        if (card is not ExceptionCard exception || where.Platform != Platform.Teams || string.IsNullOrEmpty(where.ConversationId)) return [];
        var linked = await viewers.ForRealmAsync(where.Realm, exception.ExceptionId, ct).ConfigureAwait(false);
        // Nobody linked in this tenant: no roster read at all.
        if (linked.Count == 0) return [];
        IReadOnlyList<ConversationMember> roster;
        try
        {
            var reading = members.GetAsync(where.ServiceUrl, where.ConversationId, ct);
            roster = await (rosterWait is { } wait ? reading.WaitAsync(wait, time, ct) : reading).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            logger.LogInformation("Teams roster of {Conversation} still being read; card {ExceptionId} goes without refresh.userIds this time",
                where.ConversationId, exception.ExceptionId);
            return [];
        }
        catch (ChannelDeliveryException ex)
        {
            logger.LogWarning("Teams roster of {Conversation} not read ({Reason}); card {ExceptionId} goes without refresh.userIds",
                where.ConversationId, ex.Reason, exception.ExceptionId);
            return [];
        }
        return Rank(roster, linked);
    }

    /// <summary>The linked members' MRIs, by <see cref="Priority"/> then roster order, at most 60.</summary>
    public static IReadOnlyList<string> Rank(IReadOnlyList<ConversationMember> roster, IReadOnlyList<LinkedViewer> linked)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(linked);
        var byTeamsId = new Dictionary<string, LinkedViewer>(StringComparer.OrdinalIgnoreCase);
        foreach (var viewer in linked) byTeamsId.TryAdd(viewer.TeamsUserId, viewer);
        return [.. roster
            .Select((member, order) => (member, order, viewer: Linked(member, byTeamsId)))
            .Where(m => m.viewer is not null && m.member.Id is { Length: > 0 })
            .OrderBy(m => Priority(m.viewer!))
            .ThenBy(m => m.order)
            .Select(m => m.member.Id!)
            .Distinct(StringComparer.Ordinal)
            .Take(AdaptiveRenderOptions.MaxRefreshUserIds)];
    }

    /// <summary>
    /// Lower first: those whose buttons differ most from the shared view (money-moving roles, then queue workers, then
    /// the project's own PM) are the ones a stale card costs most.
    /// </summary>
    public static int Priority(LinkedViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Role switch
        {
            Role.Finance or Role.Executive => 0,
            Role.Coordinator => 1,
            Role.ProjectManager when viewer.OwnProject => 2,
            Role.ProjectManager => 3,
            _ => 4,
        };
    }

    // Identities are linked by Entra object id; an identity linked by hand may carry the MRI instead.
    private static LinkedViewer? Linked(ConversationMember member, Dictionary<string, LinkedViewer> byTeamsId) =>
        (member.AadObjectId is { Length: > 0 } aad && byTeamsId.TryGetValue(aad, out var byAad)) ? byAad
        : (member.Id is { Length: > 0 } id && byTeamsId.TryGetValue(id, out var byMri)) ? byMri
        : null;
}
