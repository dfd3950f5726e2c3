namespace Allometry.Adapters.Teams.Messages;

using System.Net;
using System.Text.Json;
using Allometry.Adapters.Teams.Activities;
using Allometry.Adapters.Teams.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>
/// <c>POST /api/messages</c>, in the house order: content type → buffered body under a size cap →
/// JWT → parse → activity-bound checks (endorsement, service URL) → invokes answered inline, everything
/// else acknowledged at once and handled by <see cref="ActivityWorker"/>. Bodies and tokens are never logged.
/// </summary>
internal sealed class MessagesHandler(
    TeamsOptions options,
    BotTokenValidator validator,
    ActivityProcessor processor,
    ActivityWorkQueue queue,
    ILogger<MessagesHandler> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var ct = context.RequestAborted;
        if (request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }
        var body = await RequestBody.ReadAsync(request, options.MaxBodyBytes, ct).ConfigureAwait(false);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        TokenCheck? check = null;
        if (options.IsLocalMode)
        {
            if (!IsLoopback(context))
            {
                logger.LogWarning("Teams request refused: local mode (no Teams:AppId) accepts loopback callers only");
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
        }
        else
        {
            try
            {
                check = await validator.ValidateAsync(request.Headers.Authorization.ToString(), ct).ConfigureAwait(false);
            }
            catch (KeySourceUnavailableException ex)
            {
                logger.LogError("Teams request not authenticated: {Reason}", ex.Message);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }
            if (!Authenticated(context, check)) return;
        }
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ActivityJson.Options);
        }
        catch (JsonException)
        {
            activity = null;
        }
        if (activity?.Type is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (check is not null && !Authenticated(context, BotTokenValidator.MatchesActivity(check, activity.ChannelId, activity.ServiceUrl))) return;
        await DispatchAsync(context, activity).ConfigureAwait(false);
    }

    private async Task DispatchAsync(HttpContext context, Activity activity)
    {
        if (activity.Type == ActivityTypes.Invoke)
        {
            if (activity.Name != ActivityTypes.AdaptiveCardAction)
            {
                context.Response.StatusCode = StatusCodes.Status501NotImplemented;
                return;
            }
            var outcome = await processor.InvokeAsync(activity, context.RequestAborted).ConfigureAwait(false);
            if (outcome.FollowUp is { } followUp && !queue.TryEnqueue(followUp))
            {
                logger.LogWarning("Teams work queue full; follow-up cards of invoke {ActivityId} dropped", activity.Id);
            }
            context.Response.StatusCode = outcome.Response.StatusCode;
            context.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(context.Response.Body, outcome.Response, ActivityJson.Options, context.RequestAborted).ConfigureAwait(false);
            return;
        }
        if (activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate &&
            !queue.TryEnqueue(ct => processor.ProcessAsync(activity, ct)))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private bool Authenticated(HttpContext context, TokenCheck check)
    {
        if (check.Passed) return true;
        logger.LogWarning("Teams request refused: {Reason}", check.Reason);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return false;
    }

    private static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);
}
