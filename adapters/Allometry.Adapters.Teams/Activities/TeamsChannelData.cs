namespace Allometry.Adapters.Teams.Activities;

/// <summary>Teams' <c>channelData</c>: tenant, team and channel of the activity.</summary>
internal sealed record TeamsChannelData
{
    public IdReference? Tenant { get; init; }
    public IdReference? Team { get; init; }
    public IdReference? Channel { get; init; }
    public string? TeamsTeamId { get; init; }
    public string? TeamsChannelId { get; init; }
}
