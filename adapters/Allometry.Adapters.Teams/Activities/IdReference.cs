namespace Allometry.Adapters.Teams.Activities;

/// <summary>An <c>{"id": …}</c> object (tenant, team, channel).</summary>
internal sealed record IdReference(string? Id);
