namespace Allometry.Core.Exceptions;

using System.Globalization;
using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>The generic reasons an exception closes, and the bridge to rules that explain their own.</summary>
public static class ClosureReasons
{
    /// <summary>"condition cleared as of 2026-11-20" / "condition levée au 2026-11-20".</summary>
    public static LocalizedText Cleared(DateOnly asOf)
    {
        var date = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new LocalizedText($"condition cleared as of {date}", $"condition levée au {date}");
    }

    /// <summary>"rule X switched off for this tenant" / "règle X désactivée pour ce client".</summary>
    public static LocalizedText RuleDisabled(string ruleId) =>
        new($"rule {ruleId} switched off for this tenant", $"règle {ruleId} désactivée pour ce client");

    /// <summary>
    /// Asks the exception's rule, when it implements <see cref="IExplainsClosure"/>, why its
    /// condition cleared, against the evaluation's <paramref name="context"/>.
    /// </summary>
    public static Func<ExceptionState, LocalizedText?> FromRules(IEnumerable<IRule> rules, RuleContext context)
    {
        var explainers = rules.OfType<IExplainsClosure>()
            .ToDictionary(r => ((IRule)r).Id, StringComparer.Ordinal);
        return state => explainers.TryGetValue(state.RuleId, out var rule) ? rule.ClosureReason(state.Subject, context) : null;
    }
}
