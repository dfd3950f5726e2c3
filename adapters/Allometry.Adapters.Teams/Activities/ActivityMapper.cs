namespace Allometry.Adapters.Teams.Activities;

using System.Text.Json;
using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Conversations;
using Allometry.Core.Ledger;
using Allometry.Core.People;

/// <summary>Turns Teams activities into the conversation core's inbound records; wire parsing only, no decisions.</summary>
internal static class ActivityMapper
{
    /// <summary>The realm used when an activity names no tenant (the local emulator).</summary>
    public const string LocalRealm = "local";

    /// <summary>The verb Teams sends for a card's automatic <c>refresh</c>; it asks for the card's current view.</summary>
    public const string RefreshVerb = "refresh";

    /// <summary>
    /// Teams, or the local web chat: its Direct Line channel relays activities down this same pipeline
    /// (<c>channelId</c> <c>directline</c>), and its people are web-chat identities in the "local" realm.
    /// </summary>
    public static Platform PlatformOf(Activity activity) =>
        activity.ChannelId is "directline" or "webchat" ? Platform.WebChat : Platform.Teams;

    public static string Realm(Activity activity) =>
        activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id ?? LocalRealm;

    public static ChannelAddress Address(Activity activity) =>
        new(PlatformOf(activity), Realm(activity), activity.Conversation?.Id ?? "", activity.ServiceUrl);

    public static PlatformIdentity? Speaker(Activity activity)
    {
        var id = activity.From?.AadObjectId ?? activity.From?.Id;
        return string.IsNullOrEmpty(id) ? null : new PlatformIdentity(PlatformOf(activity), Realm(activity), id);
    }

    public static bool IsPersonal(Activity activity) =>
        string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);

    public static InboundMessage ToMessage(Activity activity, PlatformIdentity speaker) => new()
    {
        From = speaker,
        Conversation = Address(activity),
        Text = MentionText.Strip(activity.Text),
        Locale = ActivityLocale.Of(activity),
        DisplayName = activity.From?.Name,
        IsPersonal = IsPersonal(activity),
    };

    public static bool IsGroupChat(Activity activity) =>
        string.Equals(activity.Conversation?.ConversationType, "groupChat", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An <c>adaptiveCard/action</c> invoke (<c>value.action.verb</c> + <c>data</c>) or an <c>Action.Submit</c> message
    /// (<c>value</c> = data merged with inputs). False when the value is not an object.
    /// </summary>
    public static bool TryToAction(Activity activity, PlatformIdentity speaker, bool isInvoke, out InboundAction? action)
    {
        action = null;
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value) return false;
        Dictionary<string, string?> data;
        if (isInvoke)
        {
            if (!value.TryGetProperty("action", out var act) || act.ValueKind != JsonValueKind.Object) return false;
            data = act.TryGetProperty("data", out var d) ? Flatten(d) : new Dictionary<string, string?>(StringComparer.Ordinal);
            var verb = act.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (string.Equals(verb, RefreshVerb, StringComparison.OrdinalIgnoreCase))
            {
                data[CardActionPayload.VerbKey] = LedgerVocabulary.ToCode(ActionVerb.View);
            }
            else if (!string.IsNullOrEmpty(verb) && !data.ContainsKey(CardActionPayload.VerbKey))
            {
                data[CardActionPayload.VerbKey] = verb;
            }
        }
        else
        {
            data = Flatten(value);
        }
        action = new InboundAction
        {
            From = speaker,
            Conversation = Address(activity),
            Data = CardActivities.Unscope(data),
            IdempotencyKey = activity.Id ?? "",
            Message = string.IsNullOrEmpty(activity.ReplyToId) ? null : new MessageReference(PlatformOf(activity), activity.Conversation?.Id ?? "", activity.ReplyToId),
            Locale = ActivityLocale.Of(activity),
        };
        return true;
    }

    public static InstallationEvent ToInstallation(Activity activity) => new()
    {
        By = Speaker(activity),
        Conversation = Address(activity),
        Locale = ActivityLocale.Of(activity),
        IsPersonal = IsPersonal(activity),
        IsGroup = IsGroupChat(activity),
    };

    // Nested objects (Teams' own msteams hints in Submit data) are not card data and are left out.
    private static Dictionary<string, string?> Flatten(JsonElement data)
    {
        var flat = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (data.ValueKind != JsonValueKind.Object) return flat;
        foreach (var property in data.EnumerateObject())
        {
            if (JsonText.TryScalar(property.Value, out var text)) flat[property.Name] = text;
        }
        return flat;
    }
}
