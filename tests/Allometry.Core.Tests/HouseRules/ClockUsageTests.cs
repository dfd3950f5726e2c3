namespace Allometry.Core.Tests.HouseRules;

using System.Text.RegularExpressions;

/// <summary>
/// Domain code takes time from an injected TimeProvider or an explicit as-of date, so a test
/// or an auditor can replay any day. BannedApiAnalyzers is not in the registry: this test is the ban.
/// </summary>
public sealed partial class ClockUsageTests
{
    [GeneratedRegex(@"\b(DateTime|DateTimeOffset)\s*\.\s*(Now|UtcNow|Today)\b")]
    private static partial Regex WallClock();

    [Fact]
    public void CoreSources_NeverReadTheWallClock()
    {
        var core = Path.Combine(RepositoryRoot(), "core");
        var offenders = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => WallClock().IsMatch(x.line) && !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Select(x => $"{Path.GetRelativePath(core, x.f)}:{x.i + 1}")
            .ToList();

        Assert.True(offenders.Count == 0, "Wall clock read in core: " + string.Join(", ", offenders));
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Allometry.Bot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Allometry.Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
