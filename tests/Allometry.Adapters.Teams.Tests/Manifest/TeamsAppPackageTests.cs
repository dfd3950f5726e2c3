namespace Allometry.Adapters.Teams.Tests.Manifest;

using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Allometry.Adapters.Teams.Manifest;
using Allometry.Adapters.Teams.Tests.Validation;

/// <summary>
/// manifest/teams and the package built from it, validated offline against the v1.24 schemas
/// shipped in @microsoft/app-manifest (ajv, draft-04).
/// </summary>
public sealed class TeamsAppPackageTests : IDisposable
{
    private static readonly Guid AppId = Guid.Parse("aabdbd62-bc97-4afb-83ee-575594577de5");
    private static string Folder => Path.Combine(NodeScript.RepoRoot, "manifest", "teams");

    private readonly string _temp = Directory.CreateTempSubdirectory("allometry-teams-package-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Template_CommittedManifestAndFrenchFile_ValidAgainstTheV124Schemas()
    {
        // Act
        var results = await ValidateAsync(Path.Combine(Folder, "manifest.json"), Path.Combine(Folder, "fr.json"));

        // Assert
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.Errors.Count == 0, $"{r.File}: {string.Join("\n", r.Errors)}"));
    }

    [Fact]
    public async Task Validate_ManifestMissingFieldsAndBadId_SchemaReportsThem()
    {
        // Arrange: proves the schema check can fail.
        var bad = Path.Combine(_temp, "manifest.json");
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "manifest.json")))!.AsObject();
        manifest["id"] = "not-a-guid";
        manifest.Remove("icons");
        await File.WriteAllTextAsync(bad, manifest.ToJsonString());

        // Act
        var result = Assert.Single(await ValidateAsync(bad));

        // Assert
        Assert.Contains(result.Errors, e => e.StartsWith("/id must match pattern", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("'icons'", StringComparison.Ordinal));
    }

    [Fact]
    public void Template_Manifest_DeclaresTheBotScopesCommandsAndIcons()
    {
        // Act
        var manifest = TeamsAppPackage.Template();

        // Assert
        Assert.EndsWith("/teams/v1.24/MicrosoftTeams.schema.json", manifest["$schema"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("1.24", manifest["manifestVersion"]!.GetValue<string>());
        var bot = manifest["bots"]![0]!;
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var commands = bot["commandLists"]![0]!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>());
        Assert.Equal(["help", "owed", "queue", "subscribe", "summary"], commands);
        Assert.Equal("color.png", manifest["icons"]!["color"]!.GetValue<string>());
        Assert.Equal("outline.png", manifest["icons"]!["outline"]!.GetValue<string>());
        Assert.NotEqual(manifest["description"]!["short"]!.GetValue<string>(), manifest["description"]!["full"]!.GetValue<string>());
        Assert.Equal("#1F4E79", manifest["accentColor"]!.GetValue<string>());
    }

    [Fact]
    public void Template_FrenchFile_TranslatesEveryCommandTitleAndDescription()
    {
        // Arrange
        var manifest = TeamsAppPackage.Template();
        var fr = JsonNode.Parse(TeamsAppPackage.Resource("fr.json"))!.AsObject();
        var count = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray().Count;

        // Act
        var titles = Enumerable.Range(0, count).Select(i => fr[$"bots[0].commandLists[0].commands[{i}].title"]?.GetValue<string>()).ToList();
        var descriptions = Enumerable.Range(0, count).Select(i => fr[$"bots[0].commandLists[0].commands[{i}].description"]?.GetValue<string>()).ToList();

        // Assert
        Assert.Equal(["aide", "solde", "file", "abonner", "sommaire"], titles);
        Assert.All(descriptions, d => Assert.False(string.IsNullOrWhiteSpace(d)));
        Assert.Equal("fr.json", manifest["localizationInfo"]!["additionalLanguages"]![0]!["file"]!.GetValue<string>());
    }

    [Fact]
    public async Task Write_AppIdAndHost_ZipHoldsExactlyTheFilesWithAValidFilledManifest()
    {
        // Arrange
        var zipPath = Path.Combine(_temp, "app.zip");

        // Act
        await using (var file = File.Create(zipPath))
        {
            TeamsAppPackage.Write(file, AppId, new Uri("https://allometry.contoso.ca/"));
        }

        // Assert
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["manifest.json", "color.png", "outline.png", "fr.json"], zip.Entries.Select(e => e.FullName));
        var extracted = Path.Combine(_temp, "app");
        zip.ExtractToDirectory(extracted);
        var manifestText = await File.ReadAllTextAsync(Path.Combine(extracted, "manifest.json"));
        var manifest = JsonNode.Parse(manifestText)!;
        Assert.Equal(AppId.ToString(), manifest["id"]!.GetValue<string>());
        Assert.Equal(AppId.ToString(), manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(AppId.ToString(), manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
        Assert.Equal(["allometry.contoso.ca"], manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal("https://allometry.contoso.ca/", manifest["developer"]!["websiteUrl"]!.GetValue<string>());
        Assert.Equal("https://allometry.contoso.ca/privacy", manifest["developer"]!["privacyUrl"]!.GetValue<string>());
        Assert.Equal("https://allometry.contoso.ca/terms", manifest["developer"]!["termsOfUseUrl"]!.GetValue<string>());
        Assert.DoesNotContain(TeamsAppPackage.PlaceholderId, manifestText, StringComparison.Ordinal);
        Assert.DoesNotContain(TeamsAppPackage.PlaceholderHost, manifestText, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Folder, "color.png")), await File.ReadAllBytesAsync(Path.Combine(extracted, "color.png")));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Folder, "outline.png")), await File.ReadAllBytesAsync(Path.Combine(extracted, "outline.png")));
        var results = await ValidateAsync(Path.Combine(extracted, "manifest.json"), Path.Combine(extracted, "fr.json"));
        Assert.All(results, r => Assert.True(r.Errors.Count == 0, $"{r.File}: {string.Join("\n", r.Errors)}"));
    }

    [Fact]
    public void Manifest_HostWithPort_ValidDomainKeepsThePort()
    {
        // Act
        var manifest = TeamsAppPackage.Manifest(AppId, new Uri("https://bot.contoso.ca:8443/allometry"));

        // Assert
        Assert.Equal("bot.contoso.ca:8443", manifest["validDomains"]![0]!.GetValue<string>());
        Assert.Equal("https://bot.contoso.ca:8443/allometry/", manifest["developer"]!["websiteUrl"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("http://allometry.contoso.ca/")]
    [InlineData("https://allometry.contoso.ca/?x=1")]
    public void Manifest_NotAPlainHttpsUrl_RefusedSayingWhatIsExpected(string url)
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => TeamsAppPackage.Manifest(AppId, new Uri(url)));

        // Assert
        Assert.Contains("absolute https URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_EmptyAppId_Refused()
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => TeamsAppPackage.Manifest(Guid.Empty, new Uri("https://allometry.contoso.ca/")));

        // Assert
        Assert.Contains("empty GUID", error.Message, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<SchemaResult>> ValidateAsync(params string[] files)
    {
        var json = await NodeScript.RunAsync("validate-manifest.js", files);
        return JsonSerializer.Deserialize<List<SchemaResult>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("validate-manifest.js printed nothing.");
    }

    private sealed record SchemaResult(string File, IReadOnlyList<string> Errors);
}
