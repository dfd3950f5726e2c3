namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using Allometry.Core.Localization;

/// <summary>
/// <c>allometry slack manifest --host &lt;https-url&gt; [--socket]</c>: prints the Slack app manifest
/// (<c>manifest/slack/manifest.yaml</c>, or <c>manifest.socket.yaml</c> for Socket Mode) with the
/// request and redirect URLs on the operator's host, ready to paste in Slack's "App Manifest" page.
/// </summary>
internal static class SlackCommand
{
    /// <summary>The host the committed manifests name; the command swaps it for the operator's.</summary>
    public const string PlaceholderHost = "https://allometry.example.com";

    public static Command Create(CliEnvironment env)
    {
        var slack = new Command("slack", "The Slack app / l'application Slack");
        slack.Add(Manifest(env));
        return slack;
    }

    private static Command Manifest(CliEnvironment env)
    {
        var host = new Option<string>("--host")
        {
            Description = "The public HTTPS base URL Slack calls, e.g. https://allometry.example.org / l'URL HTTPS publique que Slack appelle",
            Required = true,
        };
        var socket = new Option<bool>("--socket") { Description = "Socket Mode: no request URLs / mode Socket : aucune URL de requête" };
        var lang = CommonOptions.Lang();
        var command = new Command("manifest", "Print the Slack app manifest / afficher le manifeste de l'application Slack") { host, socket, lang };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                var text = Render(await ReadAsync(parse.GetValue(socket), ct), parse.GetValue(host)!, language);
                // Raw text, not Spectre markup: the YAML has brackets, and the output is meant for a file or a paste.
                await env.Out.Profile.Out.Writer.WriteAsync(text.AsMemory(), ct);
                await env.Out.Profile.Out.Writer.FlushAsync(ct);
                return CliRun.Ok;
            });
        });
        return command;
    }

    /// <summary>The manifest with <paramref name="host"/> in every URL; <see cref="ArgumentException"/> names a bad host.</summary>
    public static string Render(string manifest, string host, Language language)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.Replace(PlaceholderHost, BaseUrl(host, language), StringComparison.Ordinal);
    }

    /// <summary>The committed manifest, embedded in the executable so the command works wherever it is installed.</summary>
    public static async Task<string> ReadAsync(bool socket, CancellationToken ct)
    {
        var name = socket ? "Allometry.Bot.Manifest.Slack.manifest.socket.yaml" : "Allometry.Bot.Manifest.Slack.manifest.yaml";
        await using var stream = typeof(SlackCommand).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The executable lacks its embedded {name}.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(ct);
    }

    // Slack only calls HTTPS request URLs; a path prefix is kept (a reverse proxy may mount the bot under one).
    private static string BaseUrl(string host, Language language)
    {
        if (!Uri.TryCreate(host?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new ArgumentException(language == Language.Fr
                ? $"--host « {host} » n'est pas une URL HTTPS sans requête ni fragment (p. ex. https://allometry.exemple.ca) : Slack n'appelle que des URL HTTPS."
                : $"--host '{host}' is not an HTTPS URL without query or fragment (e.g. https://allometry.example.org): Slack only calls HTTPS URLs.");
        }
        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }
}
