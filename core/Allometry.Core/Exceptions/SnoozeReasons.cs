namespace Allometry.Core.Exceptions;

using System.Globalization;
using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>Why a snooze ended because of its date or a worsening, as the history entry says it (a met condition says its own: <see cref="SnoozeConditions"/>).</summary>
public static class SnoozeReasons
{
    /// <summary>"snooze date 2026-11-20 reached" / "date de report du 2026-11-20 atteinte".</summary>
    public static LocalizedText DateReached(DateOnly until)
    {
        var date = until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new LocalizedText($"snooze date {date} reached", $"date de report du {date} atteinte");
    }

    /// <summary>"worsened: severity high → critical, amount 1000.00 → 1200.00" in both languages (only what grew is named).</summary>
    public static LocalizedText Worsened(ExceptionState before, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(finding);
        var en = new List<string>();
        var fr = new List<string>();
        if (finding.Severity > before.Severity)
        {
            var (from, to) = (Ledger.LedgerVocabulary.ToCode(before.Severity), Ledger.LedgerVocabulary.ToCode(finding.Severity));
            en.Add($"severity {from} → {to}");
            fr.Add($"gravité {from} → {to}");
        }
        if (finding.AmountAtRisk > before.AmountAtRisk)
        {
            var (from, to) = (FindingContent.Amount(before.AmountAtRisk), FindingContent.Amount(finding.AmountAtRisk));
            en.Add($"amount {from} → {to}");
            fr.Add($"montant {from} → {to}");
        }
        return new LocalizedText($"worsened: {string.Join(", ", en)}", $"aggravée : {string.Join(", ", fr)}");
    }
}
