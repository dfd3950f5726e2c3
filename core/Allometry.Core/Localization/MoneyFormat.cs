namespace Allometry.Core.Localization;

using System.Globalization;

/// <summary>
/// Money as each language writes it: English <c>$1,234.56</c>, Canadian French
/// <c>1 234,56 $</c> with a no-break space (U+00A0) between groups and before the sign.
/// Separators are fixed here rather than taken from ICU, whose fr-CA data has changed between
/// releases (U+00A0 vs U+202F): a card must read the same on every machine.
/// </summary>
public static class MoneyFormat
{
    private const char NoBreakSpace = '\u00A0';

    private static readonly NumberFormatInfo EnglishNumbers = new()
    {
        NumberDecimalSeparator = ".",
        NumberGroupSeparator = ",",
        NegativeSign = "-",
    };

    private static readonly NumberFormatInfo FrenchNumbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = NoBreakSpace.ToString(),
        NegativeSign = "-",
    };

    /// <summary>The amount with two decimals and the currency sign ($ for CAD, else the code).</summary>
    public static string Format(decimal amount, Language language, string currency = "CAD")
    {
        var digits = Number(decimal.Abs(amount), language);
        var sign = amount < 0 ? "-" : "";
        var symbol = currency == "CAD" ? "$" : currency;
        return language == Language.Fr
            ? $"{sign}{digits}{NoBreakSpace}{symbol}"
            : currency == "CAD" ? $"{sign}${digits}" : $"{sign}{digits} {symbol}";
    }

    /// <summary>The amount with two decimals and group separators, no currency sign.</summary>
    public static string Number(decimal amount, Language language) =>
        decimal.Round(amount, 2, MidpointRounding.AwayFromZero)
            .ToString("#,##0.00", language == Language.Fr ? FrenchNumbers : EnglishNumbers);
}
