namespace Allometry.Core.Diagnostics;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Rules;

// Which rules ran, which could not, and the sentence per missing sheet that says what it would enable.
public static partial class DiagnosticReportBuilder
{
    private static RuleCoverage Coverage(LedgerSnapshot ledger, RuleEvaluation evaluation, IEnumerable<IRule> rules)
    {
        var skipped = evaluation.Skipped.ToDictionary(s => s.RuleId, StringComparer.Ordinal);
        var counts = evaluation.Findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var ids = rules.Select(r => r.Id).Concat(skipped.Keys).Concat(counts.Keys).Distinct(StringComparer.Ordinal);
        var statuses = ids.Select(id => skipped.TryGetValue(id, out var s)
                ? new RuleStatus(id, RuleNames.Of(id), RuleNames.TopicOf(id),
                    s.Reason == SkipReason.Disabled ? RuleRunStatus.Disabled : RuleRunStatus.MissingData, [.. s.MissingSheets], 0)
                : new RuleStatus(id, RuleNames.Of(id), RuleNames.TopicOf(id), RuleRunStatus.Ran, [], counts.GetValueOrDefault(id)))
            .OrderBy(r => r.Status).ThenBy(r => r.RuleId, StringComparer.Ordinal)
            .ToList();
        return new RuleCoverage(statuses, Suggestions(ledger, statuses));
    }

    private static List<SheetSuggestion> Suggestions(LedgerSnapshot ledger, IReadOnlyList<RuleStatus> statuses)
    {
        var suggestions = new List<SheetSuggestion>();
        foreach (var sheet in LedgerSheets.All)
        {
            // An aging export does bring "invoices", but only the open ones: the sales metrics need the full sheet.
            var partialInvoices = sheet == LedgerSheets.Invoices && ledger.Invoices.Count > 0 && ledger.Invoices.All(i => i.Origin != InvoiceOrigin.Workbook);
            if (ledger.Has(sheet) && !partialInvoices) continue;
            var rules = partialInvoices ? [] : statuses.Where(r => r.Status == RuleRunStatus.MissingData && r.MissingSheets.Contains(sheet)).ToList();
            var features = Features(sheet, partialInvoices);
            if (rules.Count == 0 && features.Count == 0) continue;
            suggestions.Add(new SheetSuggestion(sheet, SheetDescriptions.Of(sheet), [.. rules.Select(r => r.RuleId)],
                new LocalizedText(Sentence(sheet, rules, features, Language.En), Sentence(sheet, rules, features, Language.Fr))));
        }
        return suggestions;
    }

    private static List<LocalizedText> Features(string sheet, bool partialInvoices) => sheet switch
    {
        LedgerSheets.Invoices when partialInvoices => [DiagnosticTexts.SalesMetricsFeature, DiagnosticTexts.CeiFeature],
        LedgerSheets.Retainage => [DiagnosticTexts.UnreleasedRetainageFeature],
        LedgerSheets.Payments or LedgerSheets.PaymentApplications => [DiagnosticTexts.CeiFeature],
        LedgerSheets.EntityLinks => [DiagnosticTexts.LinkedExposureFeature],
        LedgerSheets.Quotes => [DiagnosticTexts.QuotedTotalsFeature],
        _ => [],
    };

    private static string Sentence(string sheet, IReadOnlyList<RuleStatus> rules, IReadOnlyList<LocalizedText> features, Language language)
    {
        var fr = language == Language.Fr;
        var description = SheetDescriptions.Of(sheet).For(language);
        var names = DiagnosticTexts.Join([.. rules.Select(r => r.Name.For(language))], language);
        var computed = DiagnosticTexts.Join([.. features.Select(f => f.For(language))], language);
        var lead = fr ? $"Ajoutez la feuille {sheet} ({description})" : $"Add the {sheet} sheet ({description})";
        if (sheet == LedgerSheets.Invoices && rules.Count == 0)
        {
            lead = fr
                ? $"Fournissez la feuille {sheet} complète du classeur ({description})"
                : $"Provide the workbook's full {sheet} sheet ({description})";
        }
        var run = rules.Count == 0 ? null
            : fr ? $"pour exécuter {(rules.Count == 1 ? "la règle" : "les règles")} {names}"
            : $"to run {names}";
        var compute = features.Count == 0 ? null
            : fr ? $"pour calculer {computed}" : $"to compute {computed}";
        var purpose = (run, compute) switch
        {
            (not null, not null) => fr ? $"{run} et {compute}" : $"{run} and {compute}",
            (not null, null) => run,
            _ => compute,
        };
        return $"{lead} {purpose}.";
    }
}
