namespace Allometry.Bot.Outbox;

using Allometry.Core.Localization;
using Allometry.Core.People;

/// <summary>Where dead-lettered messages are reported (configuration <c>Outbox:OperatorChannel</c>).</summary>
internal sealed class OperatorChannelOptions
{
    /// <summary><c>Slack</c>, <c>Teams</c> or <c>WebChat</c>.</summary>
    public Platform? Platform { get; set; }

    /// <summary>Slack team id, Entra tenant id, or "local".</summary>
    public string? Realm { get; set; }

    /// <summary>Slack channel id, Teams conversation id.</summary>
    public string? ConversationId { get; set; }

    /// <summary>Teams / Direct Line service URL.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The notices' language.</summary>
    /// <value><see cref="Language.En"/>.</value>
    public Language Language { get; set; } = Language.En;
}
