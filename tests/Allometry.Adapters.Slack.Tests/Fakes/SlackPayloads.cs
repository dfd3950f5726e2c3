namespace Allometry.Adapters.Slack.Tests.Fakes;

using System.Text.Json.Nodes;

/// <summary>Slack's request shapes (Events API, block_actions, view_submission, slash command), as Slack sends them.</summary>
internal static class SlackPayloads
{
    public const string BotUser = "UBOTALLOM";

    public static JsonObject Mention(string team, string user, string channel, string text, string eventId) => new()
    {
        ["token"] = "verification", ["team_id"] = team, ["api_app_id"] = "A0KRD7HC3", ["type"] = "event_callback", ["event_id"] = eventId,
        ["event_time"] = 1763700000,
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = team, ["user_id"] = BotUser, ["is_bot"] = true }),
        ["event"] = new JsonObject
        {
            ["type"] = "app_mention", ["user"] = user, ["text"] = $"<@{BotUser}> {text}", ["ts"] = "1763700000.000100", ["channel"] = channel,
            ["event_ts"] = "1763700000.000100",
        },
    };

    public static JsonObject Click(string team, string user, string channel, string messageTs, string actionId, string value, string actionTs) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["username"] = "someone", ["team_id"] = team },
        ["api_app_id"] = "A0KRD7HC3",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = false },
        ["trigger_id"] = "1337.42.trigger",
        ["team"] = new JsonObject { ["id"] = team, ["domain"] = "boreal" },
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "finance" },
        ["message"] = new JsonObject { ["ts"] = messageTs, ["blocks"] = new JsonArray() },
        ["response_url"] = "https://hooks.slack.com/actions/T/1/x",
        ["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = actionId, ["block_id"] = "actions", ["value"] = value, ["type"] = "button", ["action_ts"] = actionTs,
        }),
    };

    /// <summary>A submission of <paramref name="view"/> (as views.open received it) with the given element states.</summary>
    public static JsonObject Submission(string team, string user, JsonObject view, JsonObject stateValues)
    {
        var submitted = (JsonObject)view.DeepClone();
        submitted["id"] = "V0SUBMIT" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        submitted["state"] = new JsonObject { ["values"] = stateValues };
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = team, ["domain"] = "boreal" },
            ["user"] = new JsonObject { ["id"] = user, ["username"] = "someone", ["team_id"] = team },
            ["api_app_id"] = "A0KRD7HC3",
            ["view"] = submitted,
        };
    }

    public static Dictionary<string, string> Command(string team, string user, string channel, string text, string responseUrl) => new()
    {
        ["token"] = "gIkuvaNzQIHg97ATvDxqgjtO", ["team_id"] = team, ["team_domain"] = "boreal", ["channel_id"] = channel, ["channel_name"] = "finance",
        ["user_id"] = user, ["user_name"] = "someone", ["command"] = "/allometry", ["text"] = text, ["api_app_id"] = "A0KRD7HC3",
        ["response_url"] = responseUrl, ["trigger_id"] = "13345224609.738474920.8088930838d88f008e0",
    };
}
