namespace Allometry.Core.Rules.Retainage;

/// <summary>
/// One amount of retainage held on a project: a row of the <c>retainage</c> sheet, or — when
/// that sheet does not describe the project — an invoice's <c>retainage_held</c> column.
/// </summary>
/// <param name="Sheet">Where the amount was read (<c>retainage</c> or <c>invoices</c>).</param>
/// <param name="RowId">The row as evidence names it: <c>project_id/invoice_id</c> for a hold
/// (<c>project_id</c> alone for a project-level hold), the invoice id for the column.</param>
/// <param name="InvoiceId">The invoice it was held from, if any.</param>
/// <param name="Held">The amount held, as recorded (before tax when billed net).</param>
/// <param name="AccruedOn">When it was held: its invoice's issue date, when known.</param>
/// <param name="ReleaseDueOn">The release date the books record for it, if any.</param>
/// <param name="Released">Billed for release: the hold names a release invoice or a release date.</param>
/// <param name="ReleaseInvoiceId">The release invoice the hold names, if any.</param>
internal sealed record RetainageLine(
    string Sheet,
    string RowId,
    string? InvoiceId,
    decimal Held,
    DateOnly? AccruedOn,
    DateOnly? ReleaseDueOn,
    bool Released,
    string? ReleaseInvoiceId);
