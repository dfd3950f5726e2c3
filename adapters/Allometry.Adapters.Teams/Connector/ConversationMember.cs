namespace Allometry.Adapters.Teams.Connector;

/// <summary>A member of a Teams conversation as the connector lists it (the fields of its <c>TeamsChannelAccount</c> the bot uses).</summary>
/// <param name="Id">The user's MRI (<c>29:…</c>), what <c>refresh.userIds</c> takes.</param>
/// <param name="Name">The display name.</param>
/// <param name="AadObjectId">The Entra object id, what linked identities are keyed by.</param>
internal sealed record ConversationMember(string? Id, string? Name, string? AadObjectId);
