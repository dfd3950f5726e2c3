namespace Allometry.Core.Sample;

/// <summary>
/// An exception deliberately planted in a <see cref="SampleLedger"/>: the finding a correct rule
/// engine must produce from the sample's rows. Every amount is computed from those rows (see the
/// builders in <c>Sample/Planting</c>, whose XML docs define each amount).
/// </summary>
public sealed record PlantedCase
{
    /// <summary>The rule's name exactly as in domain.md §4, e.g. <c>DepositGateUnpaid</c>.</summary>
    public required string RuleId { get; init; }

    public required PlantedSubjectKind SubjectKind { get; init; }

    /// <summary>The id of the subject; see <see cref="PlantedSubjectKind"/> for its form.</summary>
    public required string SubjectId { get; init; }

    /// <summary>
    /// The severity domain.md §4 gives the trigger. For OverdueInvoice the catalogue says "by
    /// score": the value is what the score of §3 should land near, advisory only.
    /// </summary>
    public required PlantedSeverity Severity { get; init; }

    /// <summary>Money at risk in the ledger's currency, exact to the cent (always two decimals, &gt; 0).</summary>
    public required decimal AmountAtRisk { get; init; }

    /// <summary>One sentence a person can check against the rows.</summary>
    public required string Description { get; init; }

    /// <summary>The ids of the rows the amount is computed from (invoices, payments, contracts, payers).</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>
    /// Other rules that may legitimately fire on the same rows (e.g. OverdueInvoice on a broken
    /// promise's invoice); an engine that also reports them is not wrong.
    /// </summary>
    public IReadOnlyList<string> AlsoMayTrigger { get; init; } = [];
}
