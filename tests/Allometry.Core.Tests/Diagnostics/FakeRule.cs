namespace Allometry.Core.Tests.Diagnostics;

using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>A rule whose findings a test states, so report arithmetic is checked apart from the real rules.</summary>
internal sealed class FakeRule(string id, IReadOnlyList<string> requiredSheets, params Finding[] findings) : IRule
{
    public string Id => id;

    public int Version => 1;

    public IReadOnlyList<string> RequiredSheets => requiredSheets;

    public IEnumerable<Finding> Evaluate(RuleContext context) => findings;

    public static Finding Finding(string ruleId, Severity severity, decimal amount, string subjectId, string? payerId = null, string? projectId = null) => new()
    {
        RuleId = ruleId,
        RuleVersion = 1,
        Severity = severity,
        Subject = new FindingSubject(SubjectKind.Invoice, subjectId),
        AmountAtRisk = amount,
        PayerId = payerId,
        ProjectId = projectId,
        Title = new LocalizedText($"{subjectId} title", $"{subjectId} titre"),
        Detail = new LocalizedText($"{subjectId} detail", $"{subjectId} détail"),
        SuggestedAction = new LocalizedText("Act", "Agir"),
        Evidence = [new Evidence("invoices", subjectId, "balance", "0.00", amount.ToString(System.Globalization.CultureInfo.InvariantCulture), new LocalizedText("note", "note"))],
    };
}
