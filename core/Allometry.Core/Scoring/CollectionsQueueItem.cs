namespace Allometry.Core.Scoring;

using Allometry.Core.Rules;

/// <summary>One payer to act on in a lane of the <see cref="CollectionsQueue"/>.</summary>
public sealed record CollectionsQueueItem
{
    /// <summary>1-based position in its lane.</summary>
    public required int Rank { get; init; }

    public required QueueLane Lane { get; init; }

    public required string PayerId { get; init; }

    /// <summary>The payer's name, or its id when the payers sheet does not know it.</summary>
    public required string PayerName { get; init; }

    /// <summary>The payer's risk score, with the factors that explain the rank.</summary>
    public required RiskScore Risk { get; init; }

    /// <summary>
    /// The money the priority is weighted by: in <see cref="QueueLane.Collect"/> the payer's overdue
    /// balance outside disputes; in <see cref="QueueLane.Disputes"/> the open balance in dispute.
    /// </summary>
    public required decimal Amount { get; init; }

    /// <summary>Score × ln(1 + <see cref="Amount"/>), to four decimals.</summary>
    public required decimal Priority { get; init; }

    /// <summary>The invoices that make up <see cref="Amount"/>, oldest due date first.</summary>
    public IReadOnlyList<string> InvoiceIds { get; init; } = [];

    /// <summary>The payer's exceptions in this lane, most severe first, then largest amount, then fingerprint.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];
}
