namespace Allometry.Core.Imports;

/// <summary>One sheet of one input: a worksheet of an .xlsx, a <c>&lt;sheet&gt;.csv</c> file, or an aging export.</summary>
/// <param name="File">The file name as the user gave it (no directory noise beyond what they typed).</param>
/// <param name="Sheet">The sheet name (<c>invoices</c>, <c>payers</c>, …) or the export's kind.</param>
public sealed record SourceSheet(string File, string Sheet);
