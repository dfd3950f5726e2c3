namespace Allometry.Core.Ledger;

/// <summary>
/// An invoice or credit note (the <c>invoices</c> sheet, or a line of an aging export).
/// Amounts are in <see cref="Currency"/>; tax components are as printed on the invoice.
/// </summary>
public sealed record Invoice
{
    public required string InvoiceId { get; init; }
    public required string PayerId { get; init; }
    public string? ProjectId { get; init; }
    public required InvoiceKind Kind { get; init; }
    public required DateOnly IssueDate { get; init; }
    public required DateOnly DueDate { get; init; }
    public required decimal Subtotal { get; init; }
    public decimal Gst { get; init; }
    public decimal Hst { get; init; }
    public decimal Qst { get; init; }
    public decimal Pst { get; init; }
    public required decimal Total { get; init; }
    public required decimal Balance { get; init; }
    public decimal RetainageHeld { get; init; }
    /// <summary>The province the invoice was taxed for (may be wrong: that is what rules catch).</summary>
    public Province? TaxProvince { get; init; }
    /// <summary>Registration numbers as printed on the invoice, unparsed.</summary>
    public string? RegistrationNumbers { get; init; }
    public string Currency { get; init; } = "CAD";
    public InvoiceStatus Status { get; init; } = InvoiceStatus.Open;
    public InvoiceOrigin Origin { get; init; } = InvoiceOrigin.Workbook;
    public RowRef Source { get; init; } = RowRef.None;

    /// <summary>Sum of the tax components.</summary>
    public decimal TaxTotal => Gst + Hst + Qst + Pst;
}
