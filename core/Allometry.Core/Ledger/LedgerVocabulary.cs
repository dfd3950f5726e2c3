namespace Allometry.Core.Ledger;

using System.Collections.Frozen;
using System.Text;

/// <summary>
/// The snake_case spelling of the contract's enums (<c>retainage_release</c>, <c>qc_reception</c>),
/// shared by the importers and the database so both speak the words of import-format.md.
/// </summary>
public static class LedgerVocabulary
{
    /// <summary>The contract spelling of an enum member: <c>RetainageRelease</c> → <c>retainage_release</c>.</summary>
    public static string ToCode<TEnum>(TEnum value) where TEnum : struct, Enum => Codes<TEnum>.ByValue[value];

    /// <summary>Parses a contract spelling, case-insensitive and trimmed; hyphens and spaces count as underscores.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var key = text.Trim().Replace('-', '_').Replace(' ', '_').ToLowerInvariant();
        return Codes<TEnum>.ByCode.TryGetValue(key, out value);
    }

    /// <summary>Parses a contract spelling or throws; for values read back from our own database.</summary>
    public static TEnum Parse<TEnum>(string text) where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a {typeof(TEnum).Name} code.");

    /// <summary>All codes of an enum, for "not one of: …" messages and CHECK constraints.</summary>
    public static IReadOnlyList<string> AllCodes<TEnum>() where TEnum : struct, Enum => Codes<TEnum>.Ordered;

    private static string SnakeCase(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0 && !char.IsUpper(pascal[i - 1])) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private static class Codes<TEnum> where TEnum : struct, Enum
    {
        public static readonly IReadOnlyList<string> Ordered =
            [.. Enum.GetValues<TEnum>().Select(v => typeof(TEnum) == typeof(Province) ? v.ToString() : SnakeCase(v.ToString()))];

        public static readonly FrozenDictionary<TEnum, string> ByValue =
            Enum.GetValues<TEnum>().Zip(Ordered).ToFrozenDictionary(p => p.First, p => p.Second);

        public static readonly FrozenDictionary<string, TEnum> ByCode =
            Enum.GetValues<TEnum>().Zip(Ordered).ToFrozenDictionary(p => p.Second.ToLowerInvariant(), p => p.First);
    }
}
