namespace Allometry.Core.Rules.Retainage;

using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using static Allometry.Core.Rules.Retainage.RetainageText;

/// <summary>
/// What the Ontario holdback and Quebec retenue release rules share: every site of one province
/// with retainage past its release date and not billed for release becomes one High finding on
/// the project. Each rule brings only its province and its words.
/// </summary>
internal static class ReleaseDueFindings
{
    /// <summary>The figures a rule's words are made of.</summary>
    internal sealed record Facts(RetainageText Text, Project Project, decimal Amount, string Since, LocalizedText Why, decimal Billed);

    /// <summary>A rule's title, detail and suggested action for one overdue release.</summary>
    internal sealed record Words(LocalizedText Title, LocalizedText Detail, LocalizedText Action);

    public static IEnumerable<Finding> Evaluate(IRule rule, RuleContext context, Province province, Func<Facts, Words> words)
    {
        foreach (var project in context.Ledger.Projects.Where(p => p.SiteProvince == province))
        {
            if (OverdueRelease.Find(context, project) is { } overdue)
            {
                yield return Build(rule, context, overdue, words);
            }
        }
    }

    private static Finding Build(IRule rule, RuleContext context, OverdueRelease overdue, Func<Facts, Words> words)
    {
        var t = For(context);
        var p = overdue.Project;
        var said = words(new Facts(t, p, overdue.Amount, Date(overdue.Earliest.On), ReleaseWording.Why(overdue.Earliest), overdue.Retainage.BilledForRelease));
        return new Finding
        {
            RuleId = rule.Id,
            RuleVersion = rule.Version,
            Severity = Severity.High,
            Subject = new FindingSubject(SubjectKind.Project, p.ProjectId),
            AmountAtRisk = overdue.Amount,
            Currency = t.Currency,
            PayerId = PayerOf(p),
            ProjectId = p.ProjectId,
            Title = said.Title,
            Detail = said.Detail,
            SuggestedAction = said.Action,
            Evidence = overdue.Evidence(),
        };
    }
}
