namespace Allometry.Adapters.Slack.Tests.Manifest;

using YamlDotNet.RepresentationModel;

/// <summary>A committed Slack manifest parsed with YamlDotNet, with path lookups for the tests.</summary>
internal sealed class SlackManifestFile(YamlMappingNode root)
{
    /// <summary>The host the committed manifests name (the CLI swaps it for the operator's).</summary>
    public const string PlaceholderHost = "https://allometry.example.com";

    public YamlMappingNode Root { get; } = root;

    public static SlackManifestFile Load(string fileName)
    {
        var path = Path.Combine(BlockKit.TypeCheck.TypeScriptCheck.RepoRoot(), "manifest", "slack", fileName);
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }
        return new SlackManifestFile(Assert.IsType<YamlMappingNode>(Assert.Single(yaml.Documents).RootNode));
    }

    /// <summary>The node at a dotted path ("settings.interactivity.request_url"), or null.</summary>
    public YamlNode? At(string path)
    {
        YamlNode? node = Root;
        foreach (var key in path.Split('.'))
        {
            node = node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
        }
        return node;
    }

    public string? Scalar(string path) => (At(path) as YamlScalarNode)?.Value;

    public IReadOnlyList<string> Strings(string path) =>
        At(path) is YamlSequenceNode list ? [.. list.Children.Select(c => Assert.IsType<YamlScalarNode>(c).Value!)] : [];

    public IReadOnlyList<YamlMappingNode> Maps(string path) =>
        At(path) is YamlSequenceNode list ? [.. list.Children.Select(c => Assert.IsType<YamlMappingNode>(c))] : [];

    /// <summary>Every scalar anywhere in the file that is a URL.</summary>
    public IReadOnlyList<string> Urls() => [.. Scalars(Root).Where(s => s.StartsWith("http", StringComparison.OrdinalIgnoreCase))];

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode s => [s.Value ?? ""],
        YamlSequenceNode l => l.Children.SelectMany(Scalars),
        YamlMappingNode m => m.Children.SelectMany(p => Scalars(p.Key).Concat(Scalars(p.Value))),
        _ => [],
    };
}
