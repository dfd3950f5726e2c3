namespace Allometry.Adapters.Slack.Tests.BlockKit.TypeCheck;

using System.Diagnostics;

/// <summary>
/// Runs the repository's TypeScript compiler (<c>node_modules/typescript</c>, installed by
/// <c>./allometry test</c>) once over a folder of generated files, with a tsconfig extending
/// <c>BlockKit/TypeCheck/tsconfig.json</c>. Missing node or node_modules fails the test with the fix;
/// it never skips.
/// </summary>
internal static class TypeScriptCheck
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Allometry.Bot.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Allometry.Bot.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Type-checks every <c>.ts</c> file in <paramref name="folder"/>; returns tsc's exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string folder)
    {
        var root = RepoRoot();
        var tsc = Path.Combine(root, "node_modules", "typescript", "bin", "tsc");
        if (!File.Exists(tsc) || !Directory.Exists(Path.Combine(root, "node_modules", "@slack", "types")))
        {
            throw new InvalidOperationException($"{tsc} or node_modules/@slack/types is missing: run 'npm ci' in {root} (./allometry test does it).");
        }
        var baseConfig = Path.Combine(root, "tests", "Allometry.Adapters.Slack.Tests", "BlockKit", "TypeCheck", "tsconfig.json");
        await File.WriteAllTextAsync(Path.Combine(folder, "tsconfig.json"),
            $$"""{ "extends": "{{baseConfig.Replace("\\", "/", StringComparison.Ordinal)}}", "include": ["./*.ts"] }""");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (var argument in new[] { tsc, "-p", Path.Combine(folder, "tsconfig.json"), "--pretty", "false" })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        using var timeout = new CancellationTokenSource(Limit);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"tsc did not finish within {Limit}.");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
