namespace Allometry.Core.Actions;

using System.Collections.Frozen;
using Allometry.Core.People;

/// <summary>
/// Which role may do what. Money-moving actions (retainage release and its approval) are finance's
/// and the executive's; coordinators work the queue; project managers read their projects, add
/// notes and record promises; viewers only read. Project managers are limited to their own
/// projects unless <see cref="PermissionSettings.ProjectManagersSeeAllProjects"/>.
/// </summary>
public static class PermissionMatrix
{
    private static readonly ActionVerb[] Reading = [ActionVerb.View, ActionVerb.Ask];

    private static readonly ActionVerb[] QueueWork =
    [
        .. Reading, ActionVerb.Snooze, ActionVerb.Escalate, ActionVerb.Reroute, ActionVerb.AssignToMe,
        ActionVerb.AddNote, ActionVerb.RecordPromise, ActionVerb.Dismiss, ActionVerb.Subscribe,
    ];

    private static readonly ActionVerb[] MoneyWork =
        [.. QueueWork, ActionVerb.ReleaseRetainage, ActionVerb.ApproveRelease, ActionVerb.ExportAudit];

    private static readonly FrozenDictionary<Role, FrozenSet<ActionVerb>> Allowed = new Dictionary<Role, FrozenSet<ActionVerb>>
    {
        [Role.Viewer] = Reading.ToFrozenSet(),
        [Role.ProjectManager] = new[] { ActionVerb.View, ActionVerb.Ask, ActionVerb.AddNote, ActionVerb.RecordPromise }.ToFrozenSet(),
        [Role.Coordinator] = QueueWork.ToFrozenSet(),
        [Role.Finance] = MoneyWork.ToFrozenSet(),
        [Role.Executive] = MoneyWork.ToFrozenSet(),
    }.ToFrozenDictionary();

    /// <summary>The verbs a role may use anywhere it can see.</summary>
    public static IReadOnlySet<ActionVerb> VerbsFor(Role role) => Allowed[role];

    /// <summary>
    /// Whether <paramref name="role"/> may use <paramref name="verb"/> on something whose project is
    /// (<paramref name="ownProject"/> true) or is not one the actor manages as PM.
    /// </summary>
    public static bool Allows(Role role, ActionVerb verb, bool ownProject, PermissionSettings settings)
    {
        if (!Allowed[role].Contains(verb)) return false;
        return role != Role.ProjectManager || ownProject || settings.ProjectManagersSeeAllProjects;
    }
}
