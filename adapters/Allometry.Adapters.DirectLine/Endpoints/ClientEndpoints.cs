namespace Allometry.Adapters.DirectLine.Endpoints;

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Allometry.Adapters.DirectLine.Conversations;
using Allometry.Adapters.DirectLine.Relay;
using Allometry.Adapters.DirectLine.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

/// <summary>
/// The Direct Line 3.0 client API Web Chat speaks: tokens, conversations, activities with
/// watermark polling, and the WebSocket stream (<see cref="StreamEndpoint"/>). Every call but
/// <c>tokens/generate</c> carries a conversation token; the token, not the client, says who the user is.
/// </summary>
internal static class ClientEndpoints
{
    public const string Prefix = "/v3/directline";

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix);
        group.MapPost("/tokens/generate", GenerateAsync);
        group.MapPost("/tokens/refresh", RefreshAsync);
        group.MapPost("/conversations", StartAsync);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.Map("/conversations/{conversationId}/stream", StreamEndpoint.HandleAsync);
    }

    /// <summary>With the Direct Line secret as bearer: a conversation and its token for the user named in the body.</summary>
    private static async Task GenerateAsync(HttpContext context, IOptions<DirectLineOptions> options, ConversationRegistry registry, DirectLineTokenService tokens)
    {
        var secret = options.Value.Secret;
        var presented = HttpBodies.Bearer(context);
        if (string.IsNullOrEmpty(secret) || presented is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(presented)))
        {
            await HttpBodies.ErrorAsync(context, StatusCodes.Status403Forbidden, "Forbidden", "A valid Direct Line secret is required.").ConfigureAwait(false);
            return;
        }
        var body = await HttpBodies.ReadObjectAsync(context, options.Value.MaxBodyBytes, allowEmpty: true).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }
        var userId = (string?)body["user"]?["id"];
        if (string.IsNullOrWhiteSpace(userId))
        {
            await HttpBodies.ErrorAsync(context, StatusCodes.Status400BadRequest, "BadArgument", "user.id is required.").ConfigureAwait(false);
            return;
        }
        var conversation = registry.Start(userId);
        var token = tokens.Issue(userId, (string?)body["user"]?["name"] ?? userId, conversation.Id);
        await context.Response.WriteAsJsonAsync(Describe(context, conversation.Id, token, tokens, stream: false)).ConfigureAwait(false);
    }

    private static async Task RefreshAsync(HttpContext context, DirectLineTokenService tokens)
    {
        if (tokens.Read(HttpBodies.Bearer(context)) is not { } grant)
        {
            await Unauthorized(context).ConfigureAwait(false);
            return;
        }
        var token = tokens.Issue(grant.UserId, grant.UserName, grant.ConversationId);
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["conversationId"] = grant.ConversationId, ["token"] = token, ["expires_in"] = (int)tokens.Lifetime.TotalSeconds,
        }).ConfigureAwait(false);
    }

    /// <summary>Starts the token's conversation (201), or returns it when the token is already bound to a live one (200).</summary>
    private static async Task StartAsync(HttpContext context, ConversationRegistry registry, DirectLineTokenService tokens)
    {
        if (tokens.Read(HttpBodies.Bearer(context)) is not { } grant)
        {
            await Unauthorized(context).ConfigureAwait(false);
            return;
        }
        if (grant.ConversationId is { } existing && registry.Find(existing) is { } live && live.UserId == grant.UserId)
        {
            await context.Response.WriteAsJsonAsync(Describe(context, live.Id, tokens.Issue(grant.UserId, grant.UserName, live.Id), tokens, stream: true)).ConfigureAwait(false);
            return;
        }
        var conversation = registry.Start(grant.UserId);
        context.Response.StatusCode = StatusCodes.Status201Created;
        await context.Response.WriteAsJsonAsync(Describe(context, conversation.Id, tokens.Issue(grant.UserId, grant.UserName, conversation.Id), tokens, stream: true))
            .ConfigureAwait(false);
    }

    private static async Task ReconnectAsync(HttpContext context, string conversationId, ConversationRegistry registry, DirectLineTokenService tokens)
    {
        if (Authorize(context, conversationId, registry, tokens) is not { } found)
        {
            await Unauthorized(context).ConfigureAwait(false);
            return;
        }
        var token = tokens.Issue(found.Grant.UserId, found.Grant.UserName, conversationId);
        await context.Response.WriteAsJsonAsync(Describe(context, conversationId, token, tokens, stream: true)).ConfigureAwait(false);
    }

    private static async Task PostActivityAsync(HttpContext context, string conversationId, ConversationRegistry registry, DirectLineTokenService tokens,
        BotRelay relay, IOptions<DirectLineOptions> options)
    {
        if (Authorize(context, conversationId, registry, tokens) is not { } found)
        {
            await Unauthorized(context).ConfigureAwait(false);
            return;
        }
        var activity = await HttpBodies.ReadObjectAsync(context, options.Value.MaxBodyBytes).ConfigureAwait(false);
        if (activity is null)
        {
            return;
        }
        var o = options.Value;
        var self = HttpBodies.SelfBase(context);
        // The channel, not the client, states who spoke, where, and where the bot must answer.
        activity["channelId"] = "directline";
        activity["conversation"] = new JsonObject { ["id"] = conversationId };
        activity["from"] = new JsonObject { ["id"] = found.Grant.UserId, ["name"] = found.Grant.UserName, ["role"] = "user" };
        activity["recipient"] = new JsonObject { ["id"] = o.BotId, ["name"] = o.BotName, ["role"] = "bot" };
        activity["serviceUrl"] = new Uri(self, ConnectorEndpoints.Prefix.TrimStart('/') + "/").ToString();
        activity.Remove("timestamp");
        activity.Remove("id");
        activity.Remove("replyToId");
        if (activity["value"] is JsonObject value && SubmitOrigin.Find(found.Conversation, o.BotId, value) is { } origin)
        {
            activity["replyToId"] = origin;
        }
        var id = found.Conversation.Append(activity);
        var delivered = await relay.ForwardAsync((JsonObject)activity.DeepClone(), self, context.RequestAborted).ConfigureAwait(false);
        if (!delivered)
        {
            await HttpBodies.ErrorAsync(context, StatusCodes.Status502BadGateway, "BotError", "The bot did not accept the activity.").ConfigureAwait(false);
            return;
        }
        await context.Response.WriteAsJsonAsync(new JsonObject { ["id"] = id }).ConfigureAwait(false);
    }

    private static async Task GetActivitiesAsync(HttpContext context, string conversationId, string? watermark, ConversationRegistry registry, DirectLineTokenService tokens)
    {
        if (Authorize(context, conversationId, registry, tokens) is not { } found)
        {
            await Unauthorized(context).ConfigureAwait(false);
            return;
        }
        var since = long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : 0;
        var (activities, next) = found.Conversation.Since(since);
        await context.Response.WriteAsJsonAsync(ActivitySet(activities, next)).ConfigureAwait(false);
    }

    public static JsonObject ActivitySet(IReadOnlyList<JsonObject> activities, long watermark) => new()
    {
        ["activities"] = new JsonArray([.. activities]),
        ["watermark"] = watermark.ToString(CultureInfo.InvariantCulture),
    };

    public static (DirectLineConversation Conversation, DirectLineToken Grant)? Authorize(HttpContext context, string conversationId, ConversationRegistry registry,
        DirectLineTokenService tokens, string? token = null)
    {
        var grant = tokens.Read(token ?? HttpBodies.Bearer(context));
        return grant is not null && grant.ConversationId == conversationId && registry.Find(conversationId) is { } conversation && conversation.UserId == grant.UserId
            ? (conversation, grant)
            : null;
    }

    private static Task Unauthorized(HttpContext context) =>
        HttpBodies.ErrorAsync(context, StatusCodes.Status403Forbidden, "TokenExpired", "The token is missing, invalid, expired or for another conversation.");

    private static JsonObject Describe(HttpContext context, string conversationId, string token, DirectLineTokenService tokens, bool stream)
    {
        var result = new JsonObject
        {
            ["conversationId"] = conversationId, ["token"] = token, ["expires_in"] = (int)tokens.Lifetime.TotalSeconds,
        };
        if (stream)
        {
            var scheme = context.Request.IsHttps ? "wss" : "ws";
            result["streamUrl"] = $"{scheme}://{context.Request.Host}{context.Request.PathBase}{Prefix}/conversations/{conversationId}/stream?t={Uri.EscapeDataString(token)}";
        }
        return result;
    }
}
