namespace Allometry.Core.Localization;

/// <summary>A sentence in both languages, written together so neither is forgotten.</summary>
public sealed record LocalizedText(string En, string Fr)
{
    public string For(Language language) => language == Language.Fr ? Fr : En;

    public override string ToString() => En;
}
