namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using Spectre.Console;

/// <summary><c>allometry migrate</c>: bring the database schema up to date.</summary>
internal static class MigrateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var lang = CommonOptions.Lang();
        var command = new Command("migrate", "Apply the database migrations / appliquer les migrations de la base") { lang };
        command.SetAction((parse, ct) => CliRun.GuardedAsync(env, parse.GetValue(lang), async () =>
        {
            var fr = parse.GetValue(lang) == Allometry.Core.Localization.Language.Fr;
            // Starting the services migrates; what remains is to say where.
            await using var app = await env.StartAsync(ct);
            env.Out.MarkupLine((fr ? "[green]Schéma à jour[/] — " : "[green]Schema up to date[/] — ") + Markup.Escape(app.Database.Description));
            return CliRun.Ok;
        }));
        return command;
    }
}
