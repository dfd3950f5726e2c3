namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using Allometry.Adapters.Teams.Connector;
using Allometry.Adapters.Teams.Manifest;
using Allometry.Core.Localization;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Spectre.Console;

/// <summary>
/// <c>allometry teams package --out app.zip [--host https://…]</c>: the Teams app package to upload
/// (manifest/teams with the bot's app id from <c>Teams:AppId</c> and the host from <c>--host</c> or
/// <c>Allometry:PublicUrl</c>; appsettings.json then environment, as <c>serve</c> reads them).
/// A missing or bad key stops it with exit code 3 and the key's name; a bad <c>--host</c> with exit code 2.
/// <c>allometry teams blocked</c>: the conversations whose writes the connector refused (migration 0015).
/// </summary>
internal static class TeamsCommand
{
    public const string AppIdKey = "Teams:AppId";
    public const string PublicUrlKey = "Allometry:PublicUrl";

    public static Command Create(CliEnvironment env)
    {
        var output = new Option<string>("--out", "-o") { Description = "The zip to write / le zip à écrire", Required = true };
        var host = new Option<string?>("--host") { Description = $"The bot's public https URL (default: {PublicUrlKey}) / l'URL https publique du bot" };
        var lang = CommonOptions.Lang();
        var package = new Command("package", "Build the Teams app package (manifest + icons) / construire le paquet d'application Teams") { output, host, lang };
        package.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, () => RunAsync(env, parse.GetValue(output)!, parse.GetValue(host), language, ct));
        });
        return new Command("teams", "Microsoft Teams app / application Microsoft Teams") { package, Blocked(env) };
    }

    // The conversations that refused the bot's writes (MessageWritesBlocked), as every instance knows them.
    private static Command Blocked(CliEnvironment env)
    {
        var lang = CommonOptions.Lang();
        var blocked = new Command("blocked", "Teams conversations that refuse the bot's messages / conversations Teams qui refusent les messages du bot") { lang };
        blocked.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                await using var app = await env.StartAsync(ct);
                var blocks = await new BlockedConversations(app.Get<NpgsqlDataSource>(), TimeProvider.System).ListAsync(ct);
                TeamsBlockedTable.Write(env.Out, blocks, language);
                return CliRun.Ok;
            });
        });
        return blocked;
    }

    private static async Task<int> RunAsync(CliEnvironment env, string outPath, string? hostOption, Language language, CancellationToken ct)
    {
        var fr = language == Language.Fr;
        var configuration = ServeCommand.Configuration(env, urls: null);
        var appIdText = configuration[AppIdKey];
        if (string.IsNullOrWhiteSpace(appIdText) || !Guid.TryParse(appIdText, out var appId) || appId == Guid.Empty)
        {
            return Fail(env, string.IsNullOrWhiteSpace(appIdText)
                ? (fr ? $"{AppIdKey} n'est pas configuré : l'id d'application Entra du bot (un GUID), p. ex. la variable d'environnement Teams__AppId."
                      : $"{AppIdKey} is not set: the bot's Entra app id (a GUID), e.g. the environment variable Teams__AppId.")
                : (fr ? $"{AppIdKey} doit être un GUID non nul (valeur lue : '{appIdText}')." : $"{AppIdKey} must be a non-empty GUID (read '{appIdText}')."));
        }
        var hostText = hostOption ?? configuration[PublicUrlKey];
        var source = hostOption is null ? PublicUrlKey : "--host";
        if (string.IsNullOrWhiteSpace(hostText))
        {
            return Fail(env, fr
                ? $"{PublicUrlKey} n'est pas configuré (ou passez --host https://…) : l'URL https publique où Teams joint le bot."
                : $"{PublicUrlKey} is not set (or pass --host https://…): the public https URL where Teams reaches the bot.");
        }
        if (!Uri.TryCreate(hostText, UriKind.Absolute, out var publicUrl) || publicUrl.Scheme != Uri.UriSchemeHttps)
        {
            return Fail(env, code: hostOption is null ? CliRun.EnvironmentProblem : CliRun.InputRejected, message: fr
                ? $"{source} doit être une URL https absolue, p. ex. https://allometry.contoso.ca/ (valeur lue : '{hostText}')."
                : $"{source} must be an absolute https URL such as https://allometry.contoso.ca/ (read '{hostText}').");
        }

        var full = Path.GetFullPath(outPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Written beside the target and moved into place: a failed run leaves no half zip.
        var temp = full + ".partial";
        await using (var file = File.Create(temp))
        {
            TeamsAppPackage.Write(file, appId, publicUrl);
            await file.FlushAsync(ct);
        }
        File.Move(temp, full, overwrite: true);
        env.Out.WriteLine(fr
            ? $"Paquet Teams écrit : {full} ({string.Join(", ", TeamsAppPackage.Files)}) pour l'application {appId} à {publicUrl.Host}."
            : $"Wrote the Teams package {full} ({string.Join(", ", TeamsAppPackage.Files)}) for app {appId} at {publicUrl.Host}.");
        return CliRun.Ok;
    }

    private static int Fail(CliEnvironment env, string message, int code = CliRun.EnvironmentProblem)
    {
        env.Error.MarkupLine("[red]" + Markup.Escape(message) + "[/]");
        return code;
    }
}
