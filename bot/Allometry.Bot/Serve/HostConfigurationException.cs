namespace Allometry.Bot.Serve;

/// <summary>A configuration key is missing or invalid: the host does not start, and says which key and why, in English and French.</summary>
internal sealed class HostConfigurationException(string key, string english, string french)
    : Exception($"Configuration '{key}': {english} / Configuration « {key} » : {french}")
{
    /// <summary>The key as it is written in appsettings.json (sections joined by ':'); as an environment variable ':' becomes '__'.</summary>
    public string Key { get; } = key;

    /// <summary>The English sentence, naming the key.</summary>
    public string English { get; } = $"Configuration '{key}': {english}";

    /// <summary>The French sentence, naming the key.</summary>
    public string French { get; } = $"Configuration « {key} » : {french}";
}
