namespace Allometry.Adapters.Teams.Tests.Validation;

using System.Diagnostics;

/// <summary>
/// Runs the Node validators under this folder against the repository's node_modules (the official
/// <c>adaptivecards</c> renderer, ajv with the schemas of <c>@microsoft/app-manifest</c>). A missing
/// Node or node_modules fails the test saying what to run; validation never skips.
/// </summary>
internal static class NodeScript
{
    /// <summary>The folder holding Allometry.Bot.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ValidationFolder => Path.Combine(RepoRoot, "tests", "Allometry.Adapters.Teams.Tests", "Validation");

    /// <summary>Runs <c>node script args…</c>; returns stdout, throws with stderr on a non-zero exit.</summary>
    public static async Task<string> RunAsync(string script, params string[] args)
    {
        if (!Directory.Exists(Path.Combine(RepoRoot, "node_modules", "adaptivecards")))
        {
            throw new InvalidOperationException($"node_modules is missing under {RepoRoot}: run `npm ci` there (./allometry test does it).");
        }
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot,
        };
        start.ArgumentList.Add(Path.Combine(ValidationFolder, script));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node: install Node.js 20 or later.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within 120 s.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} exited with {process.ExitCode}:\n{await stderr}");
        }
        return await stdout;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Allometry.Bot.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Allometry.Bot.sln was not found above {AppContext.BaseDirectory}.");
    }
}
