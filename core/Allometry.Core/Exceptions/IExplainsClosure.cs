namespace Allometry.Core.Exceptions;

using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>
/// Optional for an <see cref="IRule"/>: says why its condition cleared for a subject ("deposit
/// received 2026-11-20"), from the ledger that no longer raises it. Without it, or when it
/// returns null, a closed exception reads "condition cleared as of &lt;date&gt;".
/// </summary>
public interface IExplainsClosure
{
    /// <summary>Why the rule no longer finds its condition for <paramref name="subject"/>; null for the generic reason.</summary>
    /// <param name="subject">The closed exception's subject.</param>
    /// <param name="context">The evaluation that did not find it (its ledger, as-of date and settings).</param>
    LocalizedText? ClosureReason(FindingSubject subject, RuleContext context);
}
