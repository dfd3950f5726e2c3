namespace Allometry.Testing.Findings;

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Allometry.Core.Rules;

/// <summary>
/// Compares two evaluations finding by finding: the same fingerprints, and for each the same
/// canonical JSON (rule id and version, severity, amount, currency, payer, project, subject,
/// titles, details, actions and every evidence row in both languages). Used by the screened
/// evaluation's equivalence tests and by the evaluation benchmark's <c>--verify</c>.
/// </summary>
public static class FindingsComparison
{
    private static readonly JsonSerializerOptions Canon = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(), new ExactDecimal() },
    };

    /// <summary>One finding as canonical JSON (decimals without trailing zeros, so 12.5 and 12.50 agree as the record does).</summary>
    public static string Canonical(Finding finding) => JsonSerializer.Serialize(finding, Canon);

    /// <summary>
    /// What differs between <paramref name="expected"/> (the whole ledger's findings) and
    /// <paramref name="actual"/> (the screened ones), one line per fingerprint: missing, extra, or
    /// different (with both canonical forms). Empty when they agree.
    /// </summary>
    public static IReadOnlyList<string> Differences(IEnumerable<Finding> expected, IEnumerable<Finding> actual)
    {
        var whole = Index(expected);
        var screened = Index(actual);
        var differences = new List<string>();
        foreach (var (fingerprint, forms) in whole.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!screened.TryGetValue(fingerprint, out var other))
            {
                differences.Add($"MISSING from the screened evaluation: {fingerprint} ({forms.Count}×) {forms[0]}");
            }
            else if (!forms.SequenceEqual(other, StringComparer.Ordinal))
            {
                differences.Add($"DIFFERENT: {fingerprint}{Environment.NewLine}    whole:    {string.Join(" | ", forms)}{Environment.NewLine}    screened: {string.Join(" | ", other)}");
            }
        }
        foreach (var (fingerprint, forms) in screened.Where(p => !whole.ContainsKey(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            differences.Add($"EXTRA in the screened evaluation: {fingerprint} ({forms.Count}×) {forms[0]}");
        }
        return differences;
    }

    /// <summary>Differences as one report, at most <paramref name="max"/> lines, prefixed by <paramref name="context"/>.</summary>
    public static string Report(string context, IReadOnlyList<string> differences, int max = 25)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{context}: {differences.Count} difference(s)");
        foreach (var line in differences.Take(max)) text.AppendLine().Append("  ").Append(line);
        if (differences.Count > max) text.AppendLine().Append(CultureInfo.InvariantCulture, $"  … {differences.Count - max} more");
        return text.ToString();
    }

    private static Dictionary<string, List<string>> Index(IEnumerable<Finding> findings) =>
        findings.GroupBy(f => f.Fingerprint, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(Canonical).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    private sealed class ExactDecimal : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue((value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture));
    }
}
