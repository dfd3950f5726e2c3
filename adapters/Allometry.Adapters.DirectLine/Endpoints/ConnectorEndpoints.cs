namespace Allometry.Adapters.DirectLine.Endpoints;

using System.Text.Json.Nodes;
using Allometry.Adapters.DirectLine.Conversations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

/// <summary>
/// The Bot Framework connector API this channel offers the bot at its <c>serviceUrl</c>: send,
/// reply, update in place, delete — the calls the bot makes to Teams, answered here for Web Chat.
/// Only loopback callers (the bot in the same host) are served: the demo channel runs without
/// Bot Framework credentials.
/// </summary>
internal static class ConnectorEndpoints
{
    public const string Prefix = "/directline/connector";

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix + "/v3/conversations");
        group.MapPost("/", (HttpContext c) => HttpBodies.ErrorAsync(c, StatusCodes.Status405MethodNotAllowed, "BadArgument",
            "Web Chat conversations are started by the user / les conversations Web Chat sont ouvertes par la personne."));
        group.MapPost("/{conversationId}/activities", (HttpContext c, string conversationId, ConversationRegistry r, IOptions<DirectLineOptions> o) =>
            SendAsync(c, conversationId, null, r, o));
        group.MapPost("/{conversationId}/activities/{activityId}", (HttpContext c, string conversationId, string activityId, ConversationRegistry r, IOptions<DirectLineOptions> o) =>
            SendAsync(c, conversationId, activityId, r, o));
        group.MapPut("/{conversationId}/activities/{activityId}", UpdateAsync);
        group.MapDelete("/{conversationId}/activities/{activityId}", DeleteAsync);
    }

    private static async Task SendAsync(HttpContext context, string conversationId, string? replyToId, ConversationRegistry registry, IOptions<DirectLineOptions> options)
    {
        if (await OpenAsync(context, conversationId, registry).ConfigureAwait(false) is not { } conversation)
        {
            return;
        }
        var activity = await HttpBodies.ReadObjectAsync(context, options.Value.MaxBodyBytes).ConfigureAwait(false);
        if (activity is null)
        {
            return;
        }
        Stamp(activity, conversationId, options.Value);
        if (replyToId is not null)
        {
            activity["replyToId"] = replyToId;
        }
        var id = conversation.Append(activity);
        await context.Response.WriteAsJsonAsync(new JsonObject { ["id"] = id }).ConfigureAwait(false);
    }

    private static async Task UpdateAsync(HttpContext context, string conversationId, string activityId, ConversationRegistry registry, IOptions<DirectLineOptions> options)
    {
        if (await OpenAsync(context, conversationId, registry).ConfigureAwait(false) is not { } conversation)
        {
            return;
        }
        var activity = await HttpBodies.ReadObjectAsync(context, options.Value.MaxBodyBytes).ConfigureAwait(false);
        if (activity is null)
        {
            return;
        }
        Stamp(activity, conversationId, options.Value);
        if (!conversation.Replace(activityId, activity))
        {
            await HttpBodies.ErrorAsync(context, StatusCodes.Status404NotFound, "ActivityNotFound", "No such activity in this conversation.").ConfigureAwait(false);
            return;
        }
        await context.Response.WriteAsJsonAsync(new JsonObject { ["id"] = activityId }).ConfigureAwait(false);
    }

    /// <summary>Web Chat cannot remove a message: the card is replaced by a short bilingual line saying it was withdrawn.</summary>
    private static async Task DeleteAsync(HttpContext context, string conversationId, string activityId, ConversationRegistry registry, IOptions<DirectLineOptions> options)
    {
        if (await OpenAsync(context, conversationId, registry).ConfigureAwait(false) is not { } conversation)
        {
            return;
        }
        var tombstone = new JsonObject { ["type"] = "message", ["text"] = "Message withdrawn / Message retiré" };
        Stamp(tombstone, conversationId, options.Value);
        if (!conversation.Replace(activityId, tombstone))
        {
            await HttpBodies.ErrorAsync(context, StatusCodes.Status404NotFound, "ActivityNotFound", "No such activity in this conversation.").ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static async Task<DirectLineConversation?> OpenAsync(HttpContext context, string conversationId, ConversationRegistry registry)
    {
        if (!HttpBodies.FromLoopback(context))
        {
            await HttpBodies.ErrorAsync(context, StatusCodes.Status403Forbidden, "Forbidden", "The demo channel's connector serves the local bot only.").ConfigureAwait(false);
            return null;
        }
        if (registry.Find(conversationId) is not { } conversation)
        {
            await HttpBodies.ErrorAsync(context, StatusCodes.Status404NotFound, "ConversationNotFound", "No such conversation.").ConfigureAwait(false);
            return null;
        }
        return conversation;
    }

    /// <summary>The bot's activity as the client sees it: from the bot, in this conversation.</summary>
    private static void Stamp(JsonObject activity, string conversationId, DirectLineOptions options)
    {
        activity["channelId"] = "directline";
        activity["conversation"] = new JsonObject { ["id"] = conversationId };
        activity["from"] = new JsonObject { ["id"] = options.BotId, ["name"] = options.BotName, ["role"] = "bot" };
        activity.Remove("id");
        activity.Remove("timestamp");
        activity.Remove("serviceUrl");
    }
}
