namespace Allometry.Bot.Tests.Cli;

using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Allometry.Bot.Cli.Commands;

/// <summary>
/// <c>allometry teams package</c> as a child process (its configuration is the environment, as in
/// production): missing keys are named, a bad --host is refused, a good run writes the package.
/// </summary>
public sealed class TeamsCommandTests : IDisposable
{
    private const string AppId = "aabdbd62-bc97-4afb-83ee-575594577de5";

    private readonly string _home = Directory.CreateTempSubdirectory("allometry-teams-cli-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task TeamsPackage_NoAppId_Exit3NamingTheKey()
    {
        // Act
        var (code, _, error) = await RunAsync(new() { ["Allometry__PublicUrl"] = "https://allometry.contoso.ca/" });

        // Assert
        Assert.Equal(3, code);
        Assert.Contains("Teams:AppId is not set", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_home, "app.zip")));
    }

    [Fact]
    public async Task TeamsPackage_NoPublicUrl_Exit3NamingTheKey()
    {
        // Act
        var (code, _, error) = await RunAsync(new() { ["Teams__AppId"] = AppId });

        // Assert
        Assert.Equal(3, code);
        Assert.Contains("Allometry:PublicUrl is not set", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsPackage_HttpHost_Exit2SayingHttpsIsNeeded()
    {
        // Act
        var (code, _, error) = await RunAsync(new() { ["Teams__AppId"] = AppId }, "--host", "http://allometry.contoso.ca");

        // Assert
        Assert.Equal(2, code);
        Assert.Contains("--host must be an absolute https URL", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsPackage_AppIdAndHost_WritesTheZipWithTheFilledManifest()
    {
        // Act
        var (code, output, error) = await RunAsync(new() { ["Teams__AppId"] = AppId, ["Allometry__PublicUrl"] = "https://allometry.contoso.ca/" });

        // Assert
        Assert.True(code == 0, error);
        Assert.Contains("Wrote the Teams package", output, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(Path.Combine(_home, "app.zip"));
        Assert.Equal(["manifest.json", "color.png", "outline.png", "fr.json"], zip.Entries.Select(e => e.FullName));
        await using var stream = zip.GetEntry("manifest.json")!.Open();
        var manifest = (await JsonNode.ParseAsync(stream))!;
        Assert.Equal(AppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal("allometry.contoso.ca", manifest["validDomains"]![0]!.GetValue<string>());
        Assert.Equal("https://allometry.contoso.ca/privacy", manifest["developer"]!["privacyUrl"]!.GetValue<string>());
        Assert.Equal("https://allometry.contoso.ca/terms", manifest["developer"]!["termsOfUseUrl"]!.GetValue<string>());
    }

    private async Task<(int Code, string Out, string Error)> RunAsync(Dictionary<string, string> environment, params string[] extra)
    {
        var dll = typeof(TeamsCommand).Assembly.Location;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _home,
        };
        foreach (var arg in (string[])[dll, "teams", "package", "--out", Path.Combine(_home, "app.zip"), "--lang", "en", .. extra])
        {
            info.ArgumentList.Add(arg);
        }
        // Only what the test gives: nothing inherited may configure the command.
        info.Environment.Remove("Teams__AppId");
        info.Environment.Remove("Allometry__PublicUrl");
        info.Environment["ALLOMETRY_HOME"] = _home;
        foreach (var (key, value) in environment) info.Environment[key] = value;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
