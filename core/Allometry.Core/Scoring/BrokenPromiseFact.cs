namespace Allometry.Core.Scoring;

/// <summary>
/// A promise to pay that was broken (F4): its date has passed and what came in from the day it
/// was recorded to the promised date is short of the promised amount by more than the tolerance.
/// </summary>
/// <param name="InvoiceId">The invoice promised on, or null for a promise on the payer's account.</param>
/// <param name="PromisedOn">The date the payer promised to pay by.</param>
/// <param name="PromisedAmount">What was promised.</param>
/// <param name="PaidByPromisedDate">What came in by that date.</param>
public sealed record BrokenPromiseFact(string? InvoiceId, DateOnly PromisedOn, decimal PromisedAmount, decimal PaidByPromisedDate);
