namespace Allometry.Adapters.Ledger.Writing;

using System.Globalization;

/// <summary>
/// One cell of a written sheet: text (an inline string in .xlsx), a number (a plain numeric
/// cell), or empty. Numbers are decimals and are spelled invariantly, never through a double.
/// </summary>
internal readonly record struct XlsxCell
{
    private XlsxCell(string? text, decimal? number)
    {
        Text = text;
        Number = number;
    }

    public string? Text { get; }

    public decimal? Number { get; }

    public bool IsEmpty => Text is null && Number is null;

    public static XlsxCell Empty => default;

    public static XlsxCell FromText(string? text) => new(text, null);

    public static XlsxCell FromNumber(decimal? number) => new(null, number);

    /// <summary>A money amount, spelled with at least two decimals (<c>1234.50</c>).</summary>
    public static XlsxCell Money(decimal? amount) => new(null, amount + 0.00m);

    public static implicit operator XlsxCell(string? text) => FromText(text);

    public static implicit operator XlsxCell(decimal number) => FromNumber(number);

    /// <summary>The cell as CSV or SpreadsheetML text: invariant digits, <c>.</c> as the decimal point.</summary>
    public override string ToString() => Text ?? Number?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
