namespace Allometry.Adapters.Teams.Activities;

/// <summary>A user or bot: <c>29:…</c> user ids, <c>28:&lt;appId&gt;</c> bot ids, with the Entra object id for users.</summary>
internal sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
}
