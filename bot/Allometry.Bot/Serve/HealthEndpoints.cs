namespace Allometry.Bot.Serve;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

/// <summary>
/// <c>/healthz</c>: the process answers (for a load balancer's liveness check; never touches the
/// database, so a database outage does not get healthy instances killed). <c>/readyz</c>: the
/// instance can do its work (<see cref="ReadinessProbe"/>); 503 with a JSON reason otherwise, so a
/// load balancer stops routing to it until it recovers.
/// </summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Json(new { status = "ok" }));
        endpoints.MapGet("/readyz", async (ReadinessProbe probe, CancellationToken ct) =>
        {
            var result = await probe.CheckAsync(ct).ConfigureAwait(false);
            return Results.Json(
                new { status = result.Ready ? "ready" : "unavailable", check = result.Check, reason = result.Reason, raison = result.RaisonFr },
                statusCode: result.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
