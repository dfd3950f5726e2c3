namespace Allometry.Adapters.Ledger.Tests.Workbook;

using Allometry.Core.Imports;

/// <summary>
/// One broken input of the corpus: how to break the minimal workbook, and the single error it
/// must produce, exactly located. <see cref="Upfront"/> says whether the input is rejected by
/// Read itself (container, sheets, headers, meta) or row by row while the batch is read.
/// </summary>
/// <param name="Arrange">Breaks the workbook and returns the path to read.</param>
/// <param name="Value">The offending value; <c>{path}</c> stands for the path Arrange returned.</param>
public sealed record BrokenCase(
    Func<TempWorkbook, string> Arrange,
    ImportIssueCode Code,
    string? File,
    string? Sheet,
    int? Row,
    string? Column,
    string? Value,
    bool Upfront,
    string[]? Args = null);
