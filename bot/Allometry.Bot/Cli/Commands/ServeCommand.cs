namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using Allometry.Bot.Serve;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Server;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

/// <summary>
/// <c>allometry serve [--urls http://127.0.0.1:5080]</c>: the bot host. Configuration comes from
/// appsettings.json beside the executable, then environment variables, then <c>--urls</c>; a bad
/// key stops it with exit code 3 and the key's name (see the README's configuration table).
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliEnvironment env)
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen (default http://127.0.0.1:5080; port 0 picks a free one) / adresse d'écoute" };
        var lang = CommonOptions.Lang();
        var command = new Command("serve", "Run the bot host: schedules, endpoints, health / exécuter l'hôte du bot") { urls, lang };
        command.SetAction(async (parse, ct) =>
        {
            var language = parse.GetValue(lang);
            var configuration = Configuration(env, parse.GetValue(urls));
            return await HostRun.RunAsync(env, configuration, host =>
            {
                foreach (var address in host.Addresses)
                {
                    // Tests and scripts read the bound port from this line.
                    env.Out.WriteLine((language == Language.Fr ? "À l'écoute sur " : "Listening on ") + address);
                }
                env.Out.WriteLine(host.DatabaseDescription);
            }, ct);
        });
        return command;
    }

    /// <summary>appsettings.json, then the environment (<c>Allometry__…</c>, <c>ConnectionStrings__Allometry</c>), then the command line.</summary>
    public static IConfiguration Configuration(CliEnvironment env, string? urls)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables();
        var overrides = new Dictionary<string, string?> { ["Allometry:Home"] = env.Home.Root };
        if (env.ConnectionString is not null) overrides["ConnectionStrings:Allometry"] = env.ConnectionString;
        if (urls is not null) overrides["urls"] = urls;
        return builder.AddInMemoryCollection(overrides).Build();
    }
}
