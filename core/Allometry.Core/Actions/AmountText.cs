namespace Allometry.Core.Actions;

using Allometry.Core.Localization;

/// <summary>
/// Reads an amount typed by a person in either language, exactly to the cent: <c>1234.56</c>,
/// <c>1 234,56</c>, <c>$1,234.56</c>, <c>1 234,56 $</c>, <c>1.234,56</c>. It is
/// <see cref="MoneyParser"/> with the rule for people (<see cref="MoneySource.Person"/>): more than
/// two decimals written (<c>12.345</c>: twelve thousand, or twelve dollars?), letters, or an empty
/// text are refused (null), never rounded or guessed.
/// </summary>
public static class AmountText
{
    // Money columns are numeric(14,2): twelve digits before the decimal mark.
    private const decimal Largest = 999_999_999_999.99m;

    /// <summary>The amount, or null when the text is not one.</summary>
    public static decimal? Parse(string? text) =>
        MoneyParser.TryParseMoney(text, MoneySource.Person, out var value) && decimal.Abs(value) <= Largest ? value : null;
}
