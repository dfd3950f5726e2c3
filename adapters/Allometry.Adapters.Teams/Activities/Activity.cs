namespace Allometry.Adapters.Teams.Activities;

using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>
/// A Bot Framework activity, only the fields Teams sends that the bot uses (inbound) or sets (outbound).
/// Serialized with <see cref="ActivityJson.Options"/> (camelCase, nulls omitted).
/// </summary>
/// <seealso href="https://github.com/microsoft/botframework-sdk/blob/main/specs/botframework-activity/botframework-activity.md"/>
internal sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Timestamp { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? Summary { get; init; }
    public string? Locale { get; init; }
    public string? ReplyToId { get; init; }
    public string? Action { get; init; }
    public JsonElement? Value { get; init; }
    public IReadOnlyList<JsonObject>? Entities { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
}
