namespace Allometry.Bot.Cli;

using Allometry.Core.Imports;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Server;
using Spectre.Console;

/// <summary>
/// Runs a command's work and turns the failures a user can fix into a clear message in their
/// language and a distinct exit code, instead of a stack trace.
/// </summary>
internal static class CliRun
{
    public const int Ok = 0;
    public const int InputRejected = 2;
    public const int EnvironmentProblem = 3;

    public static async Task<int> GuardedAsync(CliEnvironment env, Language language, Func<Task<int>> work)
    {
        var error = env.Error;
        try
        {
            return await work();
        }
        catch (LedgerImportException e)
        {
            var errors = e.Errors.ToList();
            error.MarkupLine(language == Language.Fr
                ? $"[red]Import refusé : {errors.Count} erreur(s). Rien n'a été écrit.[/]"
                : $"[red]Import rejected: {errors.Count} error(s). Nothing was written.[/]");
            foreach (var issue in e.Issues)
            {
                error.WriteLine("  " + issue.Describe(language));
            }
            return InputRejected;
        }
        catch (PostgresServerException e)
        {
            error.MarkupLine("[red]" + Markup.Escape(e.Message) + "[/]");
            return EnvironmentProblem;
        }
        catch (LocalizedArgumentException e)
        {
            error.MarkupLine("[red]" + Markup.Escape(e.Text.For(language)) + "[/]");
            return InputRejected;
        }
        catch (ArgumentException e)
        {
            error.MarkupLine("[red]" + Markup.Escape(e.Message) + "[/]");
            return InputRejected;
        }
    }
}
