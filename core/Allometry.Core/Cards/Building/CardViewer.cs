namespace Allometry.Core.Cards.Building;

using Allometry.Core.Actions;
using Allometry.Core.Localization;
using Allometry.Core.People;

/// <summary>Who a card is built for: their role, their language and whether the exception's project is theirs.</summary>
/// <param name="Role">Decides which actions the card offers (<see cref="PermissionMatrix"/>).</param>
/// <param name="Language">Every text of the card is in this language.</param>
/// <param name="OwnProject">True when the viewer manages the exception's project as PM.</param>
/// <param name="Settings">The tenant's permission settings; <see cref="PermissionSettings.Default"/> when null.</param>
public sealed record CardViewer(Role Role, Language Language, bool OwnProject = false, PermissionSettings? Settings = null)
{
    /// <summary>
    /// A card for a conversation several people read (a channel, a posted digest): it offers every action
    /// some role may take, and each click is authorized against the person who clicks.
    /// </summary>
    public bool EveryRole { get; init; }

    /// <summary>The viewer of a shared post: <see cref="EveryRole"/>, in <paramref name="language"/>.</summary>
    public static CardViewer Channel(Language language, PermissionSettings? settings = null) =>
        new(Role.Viewer, language, OwnProject: false, settings) { EveryRole = true };

    /// <summary>Whether the viewer may use <paramref name="verb"/> here.</summary>
    public bool May(ActionVerb verb) => EveryRole
        ? Enum.GetValues<Role>().Any(r => PermissionMatrix.Allows(r, verb, ownProject: true, Settings ?? PermissionSettings.Default))
        : PermissionMatrix.Allows(Role, verb, OwnProject, Settings ?? PermissionSettings.Default);
}
