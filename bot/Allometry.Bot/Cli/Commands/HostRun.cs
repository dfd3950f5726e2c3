namespace Allometry.Bot.Cli.Commands;

using Allometry.Bot.Serve;
using Allometry.Core.Postgres.Server;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

/// <summary>
/// Runs the host until Ctrl+C or SIGTERM, for <c>serve</c> and <c>demo</c>: a configuration or
/// database problem stops it before anything starts, bilingual and with exit code 3; otherwise
/// the announcement tells the person where it listens, and disposing the host is the
/// graceful stop.
/// </summary>
internal static class HostRun
{
    public static async Task<int> RunAsync(CliEnvironment env, IConfiguration configuration, Action<ServeHost> announce, CancellationToken ct)
    {
        ServeHost host;
        try
        {
            host = await ServeHost.StartAsync(configuration, ct);
        }
        catch (HostConfigurationException e)
        {
            // One sentence per line, so a narrow terminal or a log never splits the key's name.
            env.Error.MarkupLine("[red]" + Markup.Escape(e.English) + "[/]");
            env.Error.MarkupLine("[red]" + Markup.Escape(e.French) + "[/]");
            return CliRun.EnvironmentProblem;
        }
        catch (PostgresServerException e)
        {
            env.Error.MarkupLine("[red]" + Markup.Escape(e.Message) + "[/]");
            return CliRun.EnvironmentProblem;
        }
        await using (host)
        {
            announce(host);
            try
            {
                await host.WaitForShutdownAsync(ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: disposing the host below is the graceful stop.
            }
        }
        return CliRun.Ok;
    }
}
