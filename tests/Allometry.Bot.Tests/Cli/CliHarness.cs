namespace Allometry.Bot.Tests.Cli;

using System.CommandLine;
using Allometry.Bot.Cli;
using Allometry.Bot.Hosting;
using Spectre.Console;

/// <summary>
/// Runs `allometry` commands in-process against a test database, capturing what a user would
/// read on stdout and stderr (no colours, wide enough that amounts stay on one line).
/// </summary>
internal sealed class CliHarness(string connectionString, string home)
{
    public async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var env = new CliEnvironment(new AllometryHome(home), connectionString, Console(output), Console(error));
        var exitCode = await AllometryCli.Build(env).Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    private static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        return console;
    }
}

/// <summary>What a command printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error);
