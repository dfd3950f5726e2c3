namespace Allometry.Core.Rules.Deposits;

using Allometry.Core.Ledger;

/// <summary>The figures behind a <see cref="QuoteInvoiceVarianceRule"/> finding.</summary>
/// <param name="ProjectId">The project compared.</param>
/// <param name="Project">Its row, when the projects sheet has it.</param>
/// <param name="Quotes">Its accepted quotes.</param>
/// <param name="Invoices">The invoices counted as invoiced (not void, not retainage releases).</param>
/// <param name="Quoted">Σ total before tax of the accepted quotes.</param>
/// <param name="Invoiced">Σ subtotal + retainage held of the counted invoices.</param>
/// <param name="Allowance">How far above the quote a completed project may be billed: max(minimum, %).</param>
/// <param name="Variance">Which way the project strays.</param>
/// <param name="Bound">The limit crossed: the leakage floor, or the ceiling for over-billing or drift.</param>
internal sealed record VarianceFacts(string ProjectId, Project? Project, IReadOnlyList<Quote> Quotes, IReadOnlyList<Invoice> Invoices,
    decimal Quoted, decimal Invoiced, decimal Allowance, Variance Variance, decimal Bound);
