namespace Allometry.Core.Postgres.Exceptions.Screening;

/// <summary>
/// Rules of the project family that need no screen: each reports only where the project has an
/// open invoice (or about an open invoice without a project), which the base scope always reads.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description>UnappliedDeposit: a credit counts only against the payer's invoices of the
/// same project with a positive balance, not void; the credit itself (a credit note's negative
/// balance, a payment's unapplied rest) is in the base scope too.</description></item>
/// <item><description>RetainageAgedMisclassified: the invoice must have a positive balance and not
/// be void.</description></item>
/// <item><description>PromptPaymentBreach (tolerance ≥ 0), PayerChangeExposure's findings: see
/// their screens.</description></item>
/// </list>
/// The screening tests hold every finding of these rules to a project with an open invoice.
/// </remarks>
public static class OpenInvoiceRules
{
    /// <summary>The rule ids.</summary>
    public static IReadOnlyList<string> RuleIds { get; } = ["UnappliedDeposit", "RetainageAgedMisclassified"];
}
