namespace Allometry.Adapters.Teams;

using Allometry.Adapters.Teams.Messages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

/// <summary>Maps the Teams channel's HTTP endpoint.</summary>
public static class TeamsEndpointRouteBuilderExtensions
{
    /// <summary>The Bot Framework messaging endpoint, as registered for the bot.</summary>
    public const string MessagesPath = "/api/messages";

    /// <summary>Maps <c>POST /api/messages</c> (requires <see cref="TeamsServiceCollectionExtensions.AddTeams"/>).</summary>
    public static IEndpointConventionBuilder MapTeamsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var handler = endpoints.ServiceProvider.GetRequiredService<MessagesHandler>();
        return endpoints.MapPost(MessagesPath, handler.HandleAsync);
    }
}
