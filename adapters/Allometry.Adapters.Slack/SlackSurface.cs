namespace Allometry.Adapters.Slack;

/// <summary>
/// Everything Allometry exposes to, and asks of, Slack in one place: the HTTP endpoints, the bot
/// scopes, the slash command, the bot events and the Web API methods the code calls. The endpoint
/// mapping, the Web API client and <c>manifest/slack/manifest.yaml</c> all read from here, and a test
/// checks that the manifest declares exactly this — so a scope or endpoint cannot be used without
/// being declared, nor declared without being used.
/// </summary>
/// <remarks>
/// Manifest format: <see href="https://api.slack.com/reference/manifests"/>. Scopes:
/// <see href="https://api.slack.com/scopes"/>.
/// </remarks>
internal static class SlackSurface
{
    /// <summary>Events API request URL (<c>url_verification</c>, <c>event_callback</c>).</summary>
    public const string EventsPath = "/slack/events";

    /// <summary>Interactivity request URL (<c>block_actions</c>, <c>view_submission</c>, shortcuts).</summary>
    public const string InteractivityPath = "/slack/interactivity";

    /// <summary>Slash command request URL.</summary>
    public const string CommandsPath = "/slack/commands";

    /// <summary>OAuth v2 redirect URL: exchanges the code with <c>oauth.v2.access</c>.</summary>
    public const string OAuthCallbackPath = "/slack/oauth/callback";

    /// <summary>"Add to Slack": redirects to Slack's authorize page with the scopes below.</summary>
    public const string InstallPath = "/slack/install";

    /// <summary>Every HTTP path the Slack adapter maps.</summary>
    public static IReadOnlyList<string> Paths { get; } = [EventsPath, InteractivityPath, CommandsPath, OAuthCallbackPath, InstallPath];

    /// <summary>The one slash command.</summary>
    public const string SlashCommand = "/allometry";

    /// <summary>The usage hint Slack shows while typing the command (both languages: Slack has no per-locale hint).</summary>
    public const string SlashCommandUsageHint = "owed <project> | queue | summary | subscribe morning 07:30 | unsubscribe | link | help";

    /// <summary>The slash command's description in the command picker (English and French, one string).</summary>
    public const string SlashCommandDescription = "Ask Allometry about receivables / Interroger Allometry sur les comptes clients";

    /// <summary>The bot user's name in the workspace.</summary>
    public const string BotDisplayName = "Allometry";

    /// <summary>
    /// Bot token scopes, each for a reason: posting and updating cards (<c>chat:write</c>), the slash
    /// command (<c>commands</c>), resolving people (<c>users:read</c>, <c>users:read.email</c> for
    /// <c>users.lookupByEmail</c>), <c>conversations.info</c> on public and private channels
    /// (<c>channels:read</c>, <c>groups:read</c>), opening DMs (<c>im:write</c>), mentions
    /// (<c>app_mentions:read</c>) and direct messages (<c>im:history</c> for <c>message.im</c>), and
    /// <c>conversations.history</c> in public and private channels (<c>channels:history</c>,
    /// <c>groups:history</c>) to find a card whose post was interrupted by a crash instead of posting
    /// it twice (only messages carrying Allometry's metadata are looked at).
    /// </summary>
    public static IReadOnlyList<string> BotScopes { get; } =
    [
        "chat:write", "commands", "users:read", "users:read.email", "channels:read", "groups:read", "im:write",
        "app_mentions:read", "im:history", "channels:history", "groups:history",
    ];

    /// <summary>Bot events subscribed to: mentions in channels, and messages in the bot's DMs.</summary>
    public static IReadOnlyList<string> BotEvents { get; } = ["app_mention", "message.im"];

    /// <summary>Buttons, selects, date pickers, overflow menus and modal submissions come back to <see cref="InteractivityPath"/>.</summary>
    public const bool InteractivityEnabled = true;

    /// <summary>Web API method <c>chat.postMessage</c>: posts a card.</summary>
    public const string ChatPostMessage = "chat.postMessage";

    /// <summary>Web API method <c>chat.update</c>: replaces a posted card in place.</summary>
    public const string ChatUpdate = "chat.update";

    /// <summary>Web API method <c>chat.delete</c>: removes a posted card.</summary>
    public const string ChatDelete = "chat.delete";

    /// <summary>Web API method <c>chat.postEphemeral</c>: private answers and errors.</summary>
    public const string ChatPostEphemeral = "chat.postEphemeral";

    /// <summary>Web API method <c>chat.getPermalink</c>: links a card from the audit.</summary>
    public const string ChatGetPermalink = "chat.getPermalink";

    /// <summary>Web API method <c>views.open</c>: opens an action's modal (within the trigger's 3 s).</summary>
    public const string ViewsOpen = "views.open";

    /// <summary>Web API method <c>views.update</c>: updates an open modal.</summary>
    public const string ViewsUpdate = "views.update";

    /// <summary>Web API method <c>users.info</c>: a user's email and locale.</summary>
    public const string UsersInfo = "users.info";

    /// <summary>Web API method <c>users.lookupByEmail</c>: links a directory user to a Slack user.</summary>
    public const string UsersLookupByEmail = "users.lookupByEmail";

    /// <summary>Web API method <c>conversations.info</c>: a channel's name and kind.</summary>
    public const string ConversationsInfo = "conversations.info";

    /// <summary>Web API method <c>conversations.history</c>: finds a card whose post a crash interrupted, by its metadata.</summary>
    public const string ConversationsHistory = "conversations.history";

    /// <summary>Web API method <c>oauth.v2.access</c>: exchanges the install code for a bot token.</summary>
    public const string OAuthV2Access = "oauth.v2.access";

    /// <summary>Web API method <c>apps.connections.open</c>: a Socket Mode WebSocket URL (app-level token).</summary>
    public const string AppsConnectionsOpen = "apps.connections.open";

    /// <summary>Every Web API method the adapter calls.</summary>
    public static IReadOnlyList<string> WebApiMethods { get; } =
    [
        ChatPostMessage, ChatUpdate, ChatDelete, ChatPostEphemeral, ChatGetPermalink, ViewsOpen, ViewsUpdate, UsersInfo,
        UsersLookupByEmail, ConversationsInfo, ConversationsHistory, OAuthV2Access, AppsConnectionsOpen,
    ];

    /// <summary>The app-level token scope Socket Mode needs (<c>apps.connections.open</c>); not a bot scope.</summary>
    public const string SocketModeAppScope = "connections:write";
}
