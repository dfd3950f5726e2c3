namespace Allometry.Core.Scoring;

/// <summary>
/// A dispute the payer has open. The ledger carries no dispute data: disputes are human state,
/// recorded on exceptions by the exception lifecycle, which passes the open ones to the scorer and
/// the queue. A dispute adds F6's dispute points to the payer's score and moves the disputed
/// money to the queue's disputes lane.
/// </summary>
/// <param name="PayerId">The payer disputing.</param>
/// <param name="InvoiceId">The disputed invoice, or null when the payer disputes its whole account.</param>
/// <param name="OpenedOn">When the dispute was opened.</param>
public sealed record OpenDispute(string PayerId, string? InvoiceId, DateOnly OpenedOn);
