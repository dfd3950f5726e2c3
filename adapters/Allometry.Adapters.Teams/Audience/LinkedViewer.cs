namespace Allometry.Adapters.Teams.Audience;

using Allometry.Core.People;

/// <summary>A tenant user linked to a Teams identity in one Entra tenant, as the refresh audience ranks them.</summary>
/// <param name="TeamsUserId">The linked identity's id: the Entra object id (or, unverified, the 29: MRI).</param>
/// <param name="Role">Their role in the tenant.</param>
/// <param name="OwnProject">True when they manage the card's project as PM.</param>
internal sealed record LinkedViewer(string TeamsUserId, Role Role, bool OwnProject);
