namespace Allometry.Adapters.Slack.Tests.Manifest;

using YamlDotNet.RepresentationModel;

/// <summary>
/// The committed manifests declare exactly what the code uses (<see cref="SlackSurface"/>): every
/// endpoint Slack calls, scope, slash command and bot event — and nothing more.
/// </summary>
public sealed class SlackManifestTests
{
    public static TheoryData<string> Files() => ["manifest.yaml", "manifest.socket.yaml"];

    [Theory]
    [MemberData(nameof(Files))]
    public void Manifest_Scopes_ExactlyTheBotScopesTheCodeUses(string file)
    {
        var manifest = SlackManifestFile.Load(file);

        var scopes = manifest.Strings("oauth_config.scopes.bot");

        Assert.Equal(scopes.Count, scopes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(SlackSurface.BotScopes.Order(StringComparer.Ordinal), scopes.Order(StringComparer.Ordinal));
        Assert.Null(manifest.At("oauth_config.scopes.user"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Manifest_BotEvents_ExactlyTheEventsTheCodeHandles(string file)
    {
        var manifest = SlackManifestFile.Load(file);

        var events = manifest.Strings("settings.event_subscriptions.bot_events");

        Assert.Equal(SlackSurface.BotEvents.Order(StringComparer.Ordinal), events.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Manifest_SlashCommand_OnlyAllometryWithItsHintBotUserAndInteractivity(string file)
    {
        var manifest = SlackManifestFile.Load(file);

        var command = Assert.Single(manifest.Maps("features.slash_commands"));

        Assert.Equal(SlackSurface.SlashCommand, Value(command, "command"));
        Assert.Equal(SlackSurface.SlashCommandUsageHint, Value(command, "usage_hint"));
        Assert.Equal(SlackSurface.SlashCommandDescription, Value(command, "description"));
        Assert.Equal(SlackSurface.BotDisplayName, manifest.Scalar("features.bot_user.display_name"));
        Assert.Equal(SlackSurface.InteractivityEnabled ? "true" : "false", manifest.Scalar("settings.interactivity.is_enabled"));
        // Direct messages (message.im) need the Messages tab.
        Assert.Equal("true", manifest.Scalar("features.app_home.messages_tab_enabled"));
        Assert.InRange(manifest.Scalar("display_information.description")!.Length, 1, 140);
    }

    [Fact]
    public void HttpManifest_RequestUrls_EveryEndpointSlackCallsAndNothingMore()
    {
        var manifest = SlackManifestFile.Load("manifest.yaml");
        var command = Assert.Single(manifest.Maps("features.slash_commands"));

        Assert.Equal("false", manifest.Scalar("settings.socket_mode_enabled"));
        Assert.Equal(Url(SlackSurface.CommandsPath), Value(command, "url"));
        Assert.Equal(Url(SlackSurface.EventsPath), manifest.Scalar("settings.event_subscriptions.request_url"));
        Assert.Equal(Url(SlackSurface.InteractivityPath), manifest.Scalar("settings.interactivity.request_url"));
        Assert.Equal([Url(SlackSurface.OAuthCallbackPath)], manifest.Strings("oauth_config.redirect_urls"));
        var paths = manifest.Urls().Select(PathOf).ToHashSet(StringComparer.Ordinal);
        // The install page is ours to link, never a URL Slack is told about.
        Assert.Equal(SlackSurface.Paths.Where(p => p != SlackSurface.InstallPath).ToHashSet(StringComparer.Ordinal), paths);
    }

    [Fact]
    public void SocketManifest_NoRequestUrls_SocketModeOnAndTheSameSurface()
    {
        var socket = SlackManifestFile.Load("manifest.socket.yaml");
        var http = SlackManifestFile.Load("manifest.yaml");

        Assert.Equal("true", socket.Scalar("settings.socket_mode_enabled"));
        Assert.Null(socket.At("settings.event_subscriptions.request_url"));
        Assert.Null(socket.At("settings.interactivity.request_url"));
        Assert.Null(Value(Assert.Single(socket.Maps("features.slash_commands")), "url"));
        Assert.Equal([Url(SlackSurface.OAuthCallbackPath)], socket.Urls());
        Assert.Equal(http.Strings("oauth_config.scopes.bot"), socket.Strings("oauth_config.scopes.bot"));
        Assert.Equal(http.Scalar("display_information.description"), socket.Scalar("display_information.description"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Manifest_TopLevelKeys_OnlyTheManifestSchemasSections(string file)
    {
        var manifest = SlackManifestFile.Load(file);

        var keys = manifest.Root.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToList();

        Assert.Equal(["_metadata", "display_information", "features", "oauth_config", "settings"], keys);
    }

    [Fact]
    public void SlackSurface_WebApiMethods_UniqueAndDottedNames()
    {
        Assert.Equal(SlackSurface.WebApiMethods.Count, SlackSurface.WebApiMethods.Distinct(StringComparer.Ordinal).Count());
        Assert.All(SlackSurface.WebApiMethods, m => Assert.Matches("^[a-z]+(\\.[a-z0-9]+)*\\.[a-zA-Z0-9]+$", m));
        Assert.All(SlackSurface.Paths, p => Assert.StartsWith("/slack/", p, StringComparison.Ordinal));
    }

    private static string Url(string path) => SlackManifestFile.PlaceholderHost + path;

    private static string PathOf(string url)
    {
        Assert.StartsWith(SlackManifestFile.PlaceholderHost + "/", url, StringComparison.Ordinal);
        return url[SlackManifestFile.PlaceholderHost.Length..];
    }

    private static string? Value(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ((YamlScalarNode)node).Value : null;
}
