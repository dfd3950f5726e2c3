namespace Allometry.Adapters.Teams.Tests.Fakes;

using System.Text.Json.Nodes;

/// <summary>
/// Activities shaped like real Teams captures (protocols.md §5), with the service URL pointed at the fake
/// and the ids, text and values a test needs.
/// </summary>
internal static class Captures
{
    public const string UserAad = "b15a9416-0ad3-4172-9210-7beb711d3f70";
    public const string UserMri = "29:17bUvCasIPKfQIXHvNzcPjD86fwm6GkWc1PvCGP2";
    public const string BotMri = "28:" + TestTokens.AppId;
    public const string ChannelId = "19:6848757105754c8981c67612732d9aa7@thread.tacv2";
    public const string ChannelThread = ChannelId + ";messageid=1759881511856";
    public const string PersonalChat = "a:17vxw6pGQOb3Zfh8acXT8m_PqHycYpaFgzu2mFMUfkT";

    /// <summary>A message in a channel thread mentioning the bot (the second capture).</summary>
    public static JsonObject ChannelMessage(string serviceUrl, string text = "<at>ridotest</at> reply to thread", string id = "1759944781430") => new()
    {
        ["type"] = "message",
        ["channelId"] = "msteams",
        ["text"] = text,
        ["id"] = id,
        ["serviceUrl"] = serviceUrl,
        ["channelData"] = new JsonObject
        {
            ["teamsChannelId"] = ChannelId,
            ["teamsTeamId"] = "19:66P469zibfbsGI-_a0aN_toLTZpyzS6u7CT3TsXdgPw1@thread.tacv2",
            ["channel"] = new JsonObject { ["id"] = ChannelId },
            ["team"] = new JsonObject { ["id"] = "19:66P469zibfbsGI-_a0aN_toLTZpyzS6u7CT3TsXdgPw1@thread.tacv2" },
            ["tenant"] = new JsonObject { ["id"] = FakeBotFramework.TenantId },
        },
        ["from"] = new JsonObject { ["id"] = UserMri, ["name"] = "rido", ["aadObjectId"] = UserAad },
        ["recipient"] = new JsonObject { ["id"] = BotMri, ["name"] = "ridotest" },
        ["conversation"] = new JsonObject
        {
            ["id"] = ChannelThread,
            ["isGroup"] = true,
            ["conversationType"] = "channel",
            ["tenantId"] = FakeBotFramework.TenantId,
        },
        ["entities"] = new JsonArray(
            new JsonObject
            {
                ["mentioned"] = new JsonObject { ["id"] = BotMri, ["name"] = "ridotest" },
                ["text"] = "<at>ridotest</at>",
                ["type"] = "mention",
            },
            new JsonObject { ["locale"] = "en-US", ["country"] = "US", ["platform"] = "Web", ["timezone"] = "America/Los_Angeles", ["type"] = "clientInfo" }),
        ["textFormat"] = "plain",
        ["timestamp"] = "2025-10-08T17:33:01.4953744Z",
        ["locale"] = "en-US",
    };

    /// <summary>A personal-chat message.</summary>
    public static JsonObject PersonalMessage(string serviceUrl, string text, string locale = "en-US", string id = "1767765400001")
    {
        var activity = ChannelMessage(serviceUrl, text, id);
        activity["conversation"] = new JsonObject { ["id"] = PersonalChat, ["conversationType"] = "personal", ["tenantId"] = FakeBotFramework.TenantId };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = FakeBotFramework.TenantId } };
        activity["entities"] = new JsonArray();
        activity["locale"] = locale;
        return activity;
    }

    /// <summary>An Action.Execute click (the first capture), with the card's verb and data.</summary>
    public static JsonObject Invoke(string serviceUrl, string verb, JsonObject data, string id = "f:17b96347-e8b4-f340-10bc-eb52fc1a6ad4", string replyToId = "1767765488332") => new()
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["channelId"] = "msteams",
        ["id"] = id,
        ["serviceUrl"] = serviceUrl,
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = FakeBotFramework.TenantId },
            ["source"] = new JsonObject { ["name"] = "message" },
            ["legacy"] = new JsonObject { ["replyToId"] = "1:12SWreU4430kJA9eZCb1kXDuo6A8KdDEGB6d9TkjuDYM" },
        },
        ["from"] = new JsonObject { ["id"] = UserMri, ["name"] = "Rido", ["aadObjectId"] = UserAad },
        ["recipient"] = new JsonObject { ["id"] = BotMri, ["name"] = "ridobotlocal" },
        ["conversation"] = new JsonObject { ["id"] = PersonalChat, ["conversationType"] = "personal", ["tenantId"] = FakeBotFramework.TenantId },
        ["entities"] = new JsonArray(new JsonObject { ["locale"] = "en-US", ["country"] = "US", ["platform"] = "Web", ["timezone"] = "America/Los_Angeles", ["type"] = "clientInfo" }),
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["title"] = "Snooze", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        },
        ["timestamp"] = "2026-01-07T06:04:59.89Z",
        ["replyToId"] = replyToId,
        ["locale"] = "en-US",
    };

    /// <summary>An Action.Submit click from a client without Universal Actions: a message whose value is the data.</summary>
    public static JsonObject Submit(string serviceUrl, JsonObject value, string id = "1767765499999", string replyToId = "1767765488332")
    {
        var activity = PersonalMessage(serviceUrl, "", id: id);
        activity.Remove("text");
        activity["value"] = value;
        activity["replyToId"] = replyToId;
        return activity;
    }

    /// <summary>The bot added to a team: conversationUpdate with the bot in membersAdded.</summary>
    public static JsonObject BotAdded(string serviceUrl, string locale = "fr-CA") => new()
    {
        ["type"] = "conversationUpdate",
        ["channelId"] = "msteams",
        ["id"] = "f:install-1",
        ["serviceUrl"] = serviceUrl,
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotMri }),
        ["from"] = new JsonObject { ["id"] = UserMri, ["aadObjectId"] = UserAad },
        ["recipient"] = new JsonObject { ["id"] = BotMri, ["name"] = "ridotest" },
        ["conversation"] = new JsonObject { ["id"] = ChannelId, ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = FakeBotFramework.TenantId },
        ["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = ChannelId },
            ["eventType"] = "teamMemberAdded",
            ["tenant"] = new JsonObject { ["id"] = FakeBotFramework.TenantId },
        },
        ["locale"] = locale,
    };

    /// <summary>The same installation announced as installationUpdate/add.</summary>
    public static JsonObject InstallationAdd(string serviceUrl)
    {
        var activity = BotAdded(serviceUrl);
        activity["type"] = "installationUpdate";
        activity["action"] = "add";
        activity["id"] = "f:install-2";
        activity.Remove("membersAdded");
        return activity;
    }
}
