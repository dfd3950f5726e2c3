namespace Allometry.Core.Exceptions;

using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>
/// A digest of everything an exception shows that comes from its finding (rule version, severity,
/// amount, currency, payer, project, wording, evidence). Stored with the exception, it decides
/// whether a re-evaluation changes anything without reading the wording and evidence back.
/// </summary>
public static class FindingContent
{
    /// <summary>Lowercase hex SHA-256 of the finding's content in a canonical form (amount scale does not matter: 5 and 5.00 agree).</summary>
    public static string Hash(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        // One buffer and writer per thread, reset for each finding: a whole-tenant plan hashes
        // thousands of findings, and fresh ones cost ~7 KB of garbage each (~20 MB a plan).
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var w = t_writer ??= new Utf8JsonWriter(buffer);
        w.Reset(buffer);
        w.WriteStartArray();
        w.WriteNumberValue(finding.RuleVersion);
        w.WriteStringValue(LedgerVocabulary.ToCode(finding.Severity));
        w.WriteStringValue(Amount(finding.AmountAtRisk));
        w.WriteStringValue(finding.Currency);
        w.WriteStringValue(finding.PayerId);
        w.WriteStringValue(finding.ProjectId);
        Text(w, finding.Title);
        Text(w, finding.Detail);
        Text(w, finding.SuggestedAction);
        foreach (var e in finding.Evidence)
        {
            w.WriteStartArray();
            w.WriteStringValue(e.Sheet);
            w.WriteStringValue(e.RowId);
            w.WriteStringValue(e.Field);
            w.WriteStringValue(e.Expected);
            w.WriteStringValue(e.Actual);
            Text(w, e.Note);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.Flush();
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, digest);
        return Convert.ToHexStringLower(digest);
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Invariant text of an amount with at least two decimals, so scale never looks like a change.</summary>
    public static string Amount(decimal amount) => amount.ToString("0.00##########", CultureInfo.InvariantCulture);

    private static void Text(Utf8JsonWriter w, LocalizedText? text)
    {
        w.WriteStringValue(text?.En);
        w.WriteStringValue(text?.Fr);
    }
}
