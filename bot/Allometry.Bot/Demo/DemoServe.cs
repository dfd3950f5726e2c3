namespace Allometry.Bot.Demo;

using Allometry.Bot.Cli;
using Allometry.Bot.Cli.Commands;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.People;
using Spectre.Console;

/// <summary>
/// The second half of <c>allometry demo</c>: the host with the local web chat, until Ctrl+C. The
/// page is the real Web Chat client talking Direct Line to this host, which relays to the same
/// <c>/api/messages</c> pipeline Teams uses.
/// </summary>
internal static class DemoServe
{
    public static async Task<int> RunAsync(CliEnvironment env, string urls, Language language, CancellationToken ct)
    {
        var fr = language == Language.Fr;
        var configuration = DemoConfiguration.Build(env.Home.Root, env.ConnectionString, urls);
        return await HostRun.RunAsync(env, configuration, host =>
        {
            env.Out.WriteLine();
            foreach (var address in host.Addresses)
            {
                var page = new Uri(address, fr ? "webchat?lang=fr" : "webchat");
                env.Out.MarkupLine((fr ? "[bold green]Clavardage web[/] : " : "[bold green]Web chat[/]: ") + Markup.Escape(page.ToString()));
            }
            env.Out.MarkupLine(fr ? "Choisissez qui vous êtes sur la page :" : "Pick who you are on the page:");
            foreach (var (email, name, role, _) in SampleUsers.People)
            {
                env.Out.MarkupLine($"  {Markup.Escape(name)} — {Markup.Escape(DemoConfiguration.RoleLabel(role))} ({Markup.Escape(email)})");
            }
            env.Out.MarkupLine(fr ? "[dim]Ctrl+C pour arrêter ; les données restent pour la prochaine fois.[/]" : "[dim]Ctrl+C stops; the data stays for next time.[/]");
        }, ct);
    }
}
