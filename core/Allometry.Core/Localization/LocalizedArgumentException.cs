namespace Allometry.Core.Localization;

/// <summary>
/// Input a person can fix, refused with the reason in both languages: a front end shows
/// <see cref="Text"/> in the person's language (<see cref="Exception.Message"/> holds both, for logs).
/// </summary>
public sealed class LocalizedArgumentException : ArgumentException
{
    /// <summary>Refuses input for the reason <paramref name="text"/> gives.</summary>
    public LocalizedArgumentException(LocalizedText text)
        : base((text ?? throw new ArgumentNullException(nameof(text))).En + " / " + text.Fr) => Text = text;

    /// <summary>What was wrong and where, in both languages.</summary>
    public LocalizedText Text { get; }
}
