namespace Allometry.Adapters.DirectLine;

using Allometry.Adapters.DirectLine.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

/// <summary>Maps the Direct Line 3.0 client API, the connector the bot answers through, and the Web Chat page.</summary>
public static class DirectLineEndpointRouteBuilderExtensions
{
    /// <summary>The host must also call <c>app.UseWebSockets()</c> for the conversation stream.</summary>
    public static IEndpointRouteBuilder MapDirectLineEndpoints(this IEndpointRouteBuilder app)
    {
        ClientEndpoints.Map(app);
        ConnectorEndpoints.Map(app);
        PageEndpoints.Map(app);
        return app;
    }
}
