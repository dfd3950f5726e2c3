namespace Allometry.Core.Questions;

/// <summary>An invoice behind an answer's figure, as the ledger holds it.</summary>
/// <param name="InvoiceId">The invoice number.</param>
/// <param name="PayerId">Who is billed.</param>
/// <param name="ProjectId">The project, when the invoice has one.</param>
/// <param name="Kind">The ledger's kind code (deposit, progress, final, retainage_release, service, other).</param>
/// <param name="DueDate">When it is due.</param>
/// <param name="Total">The invoice total with tax.</param>
/// <param name="Balance">What is still owed on it.</param>
public sealed record InvoiceLine(string InvoiceId, string PayerId, string? ProjectId, string Kind, DateOnly DueDate, decimal Total, decimal Balance);
