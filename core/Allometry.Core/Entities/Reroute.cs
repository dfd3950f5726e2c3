namespace Allometry.Core.Entities;

/// <summary>
/// A person's re-route of one exception's follow-up to a linked entity (the card action): the
/// entity now holding the liability, and the invoices whose money moves with it.
/// </summary>
/// <param name="Fingerprint">The exception's fingerprint (rule + subject).</param>
/// <param name="ToPayerId">The entity the follow-up moved to.</param>
/// <param name="InvoiceIds">The exception's invoices: its subject when that is an invoice, else the invoices its evidence names.</param>
public sealed record Reroute(string Fingerprint, string ToPayerId, IReadOnlyList<string> InvoiceIds);
