namespace Allometry.Bot.Cli;

using Allometry.Bot.Hosting;
using Spectre.Console;

/// <summary>
/// What a command needs from the outside world: where Allometry keeps its files, which database
/// to use, and where to write. The executable builds it from the process; tests build their own.
/// </summary>
internal sealed record CliEnvironment(AllometryHome Home, string? ConnectionString, IAnsiConsole Out, IAnsiConsole Error)
{
    public static CliEnvironment FromProcess() => new(
        AllometryHome.FromEnvironment(),
        Database.ConfiguredConnectionString(),
        Console(System.Console.Out, System.Console.IsOutputRedirected),
        Console(System.Console.Error, System.Console.IsErrorRedirected));

    // Piped or logged output gets no colour codes and a width that keeps amounts on one line
    // (Spectre assumes 80 columns when it cannot ask a terminal).
    private static IAnsiConsole Console(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (redirected)
        {
            console.Profile.Width = 160;
        }
        return console;
    }

    public Task<AppServices> StartAsync(CancellationToken ct) => AppServices.StartAsync(Home, ConnectionString, ct);
}
