namespace Allometry.Adapters.Teams.Connector;

/// <summary>The connector's answer to a send, reply or update: the activity id.</summary>
internal sealed record ResourceResponse(string? Id);
