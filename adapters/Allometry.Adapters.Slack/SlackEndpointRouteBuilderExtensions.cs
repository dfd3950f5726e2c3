namespace Allometry.Adapters.Slack;

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Allometry.Adapters.Slack.Configuration;
using Allometry.Adapters.Slack.Inbound;
using Allometry.Adapters.Slack.Installations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

/// <summary>Maps Slack's request URLs: events, interactivity, the slash command (HTTP mode) and the OAuth install (with client credentials).</summary>
public static class SlackEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST /slack/events</c>, <c>/slack/interactivity</c>, <c>/slack/commands</c> in HTTP mode, and
    /// <c>GET /slack/install</c>, <c>/slack/oauth/callback</c> when OAuth is configured. Call after <c>AddSlack</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<SlackOptions>();
        if (options.Mode == SlackMode.Http)
        {
            endpoints.MapPost(SlackSurface.EventsPath, HandleEventsAsync);
            endpoints.MapPost(SlackSurface.InteractivityPath, HandleInteractivityAsync);
            endpoints.MapPost(SlackSurface.CommandsPath, HandleCommandsAsync);
        }
        if (options.UsesOAuth)
        {
            endpoints.MapGet(SlackSurface.InstallPath, (HttpContext context, SlackOAuthFlow flow) => flow.Install(context));
            endpoints.MapGet(SlackSurface.OAuthCallbackPath, (HttpContext context, SlackOAuthFlow flow) => flow.CallbackAsync(context));
        }
        return endpoints;
    }

    private static async Task HandleEventsAsync(HttpContext context, SlackRequestGate gate, SlackInbound inbound)
    {
        var (body, status, reason) = await gate.ReadVerifiedAsync(context.Request, SlackRequestGate.JsonType, sslCheckAllowed: false).ConfigureAwait(false);
        if (body is null)
        {
            await WriteAsync(context, new SlackAck(status, Reason: reason)).ConfigureAwait(false);
            return;
        }
        if (ParseObject(body) is not { } json)
        {
            await WriteAsync(context, SlackAck.BadRequest("json_invalid")).ConfigureAwait(false);
            return;
        }
        await WriteAsync(context, await inbound.OnEventAsync(json, context.RequestAborted).ConfigureAwait(false)).ConfigureAwait(false);
    }

    private static async Task HandleInteractivityAsync(HttpContext context, SlackRequestGate gate, SlackInbound inbound)
    {
        var (body, status, reason) = await gate.ReadVerifiedAsync(context.Request, SlackRequestGate.FormType, sslCheckAllowed: true).ConfigureAwait(false);
        if (body is null)
        {
            await WriteAsync(context, new SlackAck(status, Reason: reason)).ConfigureAwait(false);
            return;
        }
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var payload) || ParseObject(Encoding.UTF8.GetBytes(payload.ToString())) is not { } json)
        {
            await WriteAsync(context, SlackAck.BadRequest("payload_invalid")).ConfigureAwait(false);
            return;
        }
        await WriteAsync(context, await inbound.OnInteractionAsync(json, context.RequestAborted).ConfigureAwait(false)).ConfigureAwait(false);
    }

    private static async Task HandleCommandsAsync(HttpContext context, SlackRequestGate gate, SlackInbound inbound)
    {
        var (body, status, reason) = await gate.ReadVerifiedAsync(context.Request, SlackRequestGate.FormType, sslCheckAllowed: true).ConfigureAwait(false);
        if (body is null)
        {
            await WriteAsync(context, new SlackAck(status, Reason: reason)).ConfigureAwait(false);
            return;
        }
        var fields = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).ToDictionary(f => f.Key, f => (string?)f.Value.ToString(), StringComparer.Ordinal);
        await WriteAsync(context, inbound.OnCommand(fields)).ConfigureAwait(false);
    }

    private static JsonObject? ParseObject(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task WriteAsync(HttpContext context, SlackAck ack)
    {
        context.Response.StatusCode = ack.Status;
        if (ack.Body is { } body)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
        }
        else if (ack.Status >= 400 && ack.Reason is { } reason)
        {
            // A short code, never request content.
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(reason, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
