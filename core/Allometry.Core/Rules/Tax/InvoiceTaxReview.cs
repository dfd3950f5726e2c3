namespace Allometry.Core.Rules.Tax;

using Allometry.Core.Tax;

/// <summary>The verdict on one invoice's tax, with the components at fault.</summary>
/// <param name="Tax">What was charged and what was expected, and why.</param>
/// <param name="Fault">The one rule the invoice belongs to.</param>
/// <param name="WrongComponents">Components off by more than the tolerance, or present where none is due.</param>
internal sealed record InvoiceTaxReview(ExpectedInvoiceTax Tax, TaxFault Fault, IReadOnlyList<TaxComponent> WrongComponents)
{
    /// <summary>|charged tax − expected tax|, all components together (domain.md §4; Sample/Planting/TaxCases).</summary>
    public decimal AmountAtRisk => Math.Abs(Tax.Difference);
}
