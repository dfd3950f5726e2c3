namespace Allometry.Adapters.Ledger.Values;

using Allometry.Core.Localization;

/// <summary>
/// The ledger importers' reading of amounts: <see cref="MoneyParser"/> (the one parser chat input
/// uses too) with the file rule, <see cref="MoneySource.File"/>, so an export's <c>10.000</c> is ten dollars.
/// </summary>
internal static class AmountParser
{
    /// <summary>Parses a money amount with at most two significant decimals.</summary>
    public static bool TryParseMoney(string? text, out decimal value) => MoneyParser.TryParseMoney(text, MoneySource.File, out value);

    /// <summary>Parses any decimal written in one of the accepted styles (percentages too).</summary>
    public static bool TryParse(string? text, out decimal value) => MoneyParser.TryParse(text, out value);

    /// <inheritdoc cref="MoneyParser.TryParsePlain"/>
    internal static bool TryParsePlain(ReadOnlySpan<char> s, out decimal value) => MoneyParser.TryParsePlain(s, out value);

    /// <inheritdoc cref="MoneyParser.TryParseGeneral"/>
    internal static bool TryParseGeneral(string? text, out decimal value) => MoneyParser.TryParseGeneral(text, out value);
}
