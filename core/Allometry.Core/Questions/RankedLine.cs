namespace Allometry.Core.Questions;

/// <summary>One row of a list answer (top debtors, overdue deposits, renewals, risks, queue, changes).</summary>
/// <param name="Sheet">Where the row lives (invoices, payers, service_contracts, exceptions).</param>
/// <param name="RowId">Its id there.</param>
/// <param name="Description">What to show, already in the asker's language.</param>
/// <param name="Amount">Its amount, when it has one.</param>
public sealed record RankedLine(string Sheet, string RowId, string Description, decimal? Amount);
