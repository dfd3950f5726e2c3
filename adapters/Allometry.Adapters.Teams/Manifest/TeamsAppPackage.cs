namespace Allometry.Adapters.Teams.Manifest;

using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>
/// The Teams app package (<c>allometry teams package</c>): <c>manifest/teams/manifest.json</c> with the
/// bot's app id and the public host filled in, its icons and its French localization file, zipped
/// flat as Teams expects. The template files are embedded in this assembly, so the executable needs
/// no source tree.
/// </summary>
internal static class TeamsAppPackage
{
    /// <summary>Everything the zip holds, at its root.</summary>
    public static IReadOnlyList<string> Files { get; } = ["manifest.json", "color.png", "outline.png", "fr.json"];

    /// <summary>The placeholders the committed template carries (valid against the schema, replaced here).</summary>
    public const string PlaceholderId = "00000000-0000-0000-0000-000000000000";
    public const string PlaceholderHost = "allometry.example.com";

    /// <summary>The host's privacy statement and terms of use, relative to the public URL (the host serves both, EN/FR).</summary>
    public const string PrivacyPath = "privacy";
    public const string TermsPath = "terms";

    /// <summary>The committed template (as embedded).</summary>
    public static JsonObject Template() =>
        JsonNode.Parse(Resource("manifest.json"))!.AsObject();

    /// <summary>The manifest for bot <paramref name="appId"/> served at <paramref name="publicUrl"/>.</summary>
    /// <exception cref="ArgumentException">The URL is not an absolute https URL without query or fragment.</exception>
    public static JsonObject Manifest(Guid appId, Uri publicUrl)
    {
        ArgumentNullException.ThrowIfNull(publicUrl);
        if (appId == Guid.Empty) throw new ArgumentException("The Teams app id must be the bot's Entra app id, not the empty GUID.", nameof(appId));
        if (!publicUrl.IsAbsoluteUri || publicUrl.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(publicUrl.Query) || !string.IsNullOrEmpty(publicUrl.Fragment))
        {
            throw new ArgumentException($"The public URL must be an absolute https URL such as https://allometry.contoso.ca/ (got '{publicUrl}').", nameof(publicUrl));
        }
        var id = appId.ToString("D");
        var root = publicUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
        var manifest = Template();
        manifest["id"] = id;
        manifest["bots"]![0]!["botId"] = id;
        manifest["webApplicationInfo"] = new JsonObject { ["id"] = id, ["resource"] = $"api://botid-{id}" };
        var developer = manifest["developer"]!.AsObject();
        developer["websiteUrl"] = root;
        developer["privacyUrl"] = root + PrivacyPath;
        developer["termsOfUseUrl"] = root + TermsPath;
        // validDomains are host names (a port when it is not 443), never URLs.
        manifest["validDomains"] = new JsonArray(publicUrl.IsDefaultPort ? publicUrl.Host : publicUrl.Authority);
        return manifest;
    }

    /// <summary>Writes the zip for <paramref name="appId"/> and <paramref name="publicUrl"/> to <paramref name="output"/>.</summary>
    public static void Write(Stream output, Guid appId, Uri publicUrl)
    {
        ArgumentNullException.ThrowIfNull(output);
        var manifest = Manifest(appId, publicUrl).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var name in Files)
        {
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            using var stream = entry.Open();
            if (name == "manifest.json")
            {
                stream.Write(System.Text.Encoding.UTF8.GetBytes(manifest));
            }
            else
            {
                stream.Write(Resource(name));
            }
        }
    }

    /// <summary>An embedded template file's bytes.</summary>
    public static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("TeamsApp/" + name)
            ?? throw new InvalidOperationException($"The Teams app file {name} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
