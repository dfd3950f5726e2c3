namespace Allometry.Core.Actions;

using Allometry.Core.Localization;

/// <summary>What <see cref="ActionArgumentParser"/> made of a card's or a command's text: the arguments, or why not (both languages).</summary>
public sealed record ParsedArguments(ActionArguments? Arguments, LocalizedText? Error)
{
    /// <summary>True when the text made valid arguments.</summary>
    public bool IsValid => Error is null;
}
