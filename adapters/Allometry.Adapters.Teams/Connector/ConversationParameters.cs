namespace Allometry.Adapters.Teams.Connector;

using System.Text.Json.Nodes;
using Allometry.Adapters.Teams.Activities;

/// <summary>The bodies of <c>POST v3/conversations</c>: a new thread in a channel, or a 1:1 chat with a user.</summary>
internal static class ConversationParameters
{
    public static JsonObject ChannelThread(string channelId, string tenantId, Activity first) => new()
    {
        ["isGroup"] = true,
        ["channelData"] = new JsonObject
        {
            ["channel"] = new JsonObject { ["id"] = channelId },
            ["tenant"] = new JsonObject { ["id"] = tenantId },
        },
        ["activity"] = System.Text.Json.JsonSerializer.SerializeToNode(first, ActivityJson.Options),
        ["tenantId"] = tenantId,
    };

    public static JsonObject Personal(string botId, string userId, string tenantId) => new()
    {
        ["bot"] = new JsonObject { ["id"] = botId },
        ["members"] = new JsonArray(new JsonObject { ["id"] = userId }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        ["tenantId"] = tenantId,
    };

    /// <summary>A Teams channel (not a chat, not a thread): posting to it proactively starts a new thread.</summary>
    public static bool IsChannel(string conversationId) =>
        !conversationId.Contains(";messageid=", StringComparison.OrdinalIgnoreCase) &&
        (conversationId.EndsWith("@thread.tacv2", StringComparison.OrdinalIgnoreCase) ||
         conversationId.EndsWith("@thread.skype", StringComparison.OrdinalIgnoreCase));

    /// <summary>A user id (<c>29:…</c>): a proactive 1:1 needs the chat created first.</summary>
    public static bool IsUser(string conversationId) => conversationId.StartsWith("29:", StringComparison.Ordinal);
}
