namespace Allometry.Adapters.Ledger.Tests.Workbook;

using Allometry.Adapters.Ledger.Workbook;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>Reads a whole workbook the way an importer does and checks what came out.</summary>
internal static class WorkbookAssert
{
    /// <summary>Every record of every sheet, enumerated once in the batch's order.</summary>
    public sealed record Drained(
        LedgerBatch Batch,
        List<Payer> Payers, List<EntityLink> EntityLinks, List<Project> Projects, List<Delivery> Deliveries,
        List<Quote> Quotes, List<Invoice> Invoices, List<Payment> Payments, List<PaymentApplication> Applications,
        List<RetainageHold> Retainage, List<ServiceContract> ServiceContracts, List<PaymentPromise> Promises,
        List<BankTransaction> BankTransactions);

    public static Drained Drain(LedgerBatch batch) => new(
        batch, [.. batch.Payers], [.. batch.EntityLinks], [.. batch.Projects], [.. batch.Deliveries], [.. batch.Quotes],
        [.. batch.Invoices], [.. batch.Payments], [.. batch.PaymentApplications], [.. batch.Retainage],
        [.. batch.ServiceContracts], [.. batch.Promises], [.. batch.BankTransactions]);

    public static Drained ReadAll(string path, LedgerReadOptions? options = null) =>
        Drain(new LedgerWorkbookSource().Read(path, options ?? new LedgerReadOptions()));

    /// <summary>The issues of a read: the exception's when the input was rejected up front, else the batch's after draining it.</summary>
    public static IReadOnlyList<ImportIssue> Issues(string path)
    {
        try
        {
            return ReadAll(path).Batch.Issues.Issues;
        }
        catch (LedgerImportException e)
        {
            return e.Issues;
        }
    }

    /// <summary>
    /// Exactly one error, at exactly this place with exactly this value, described in both
    /// languages with its row (or, without a row, its file).
    /// </summary>
    public static ImportIssue SingleError(IReadOnlyList<ImportIssue> issues, ImportIssueCode code, string? file, string? sheet, int? row, string? column, string? value)
    {
        var errors = issues.Where(i => i.Severity == ImportSeverity.Error).ToList();
        var error = Assert.Single(errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(new ImportLocation(file, sheet, row, column), error.Location);
        Assert.Equal(value, error.Value);
        AssertDescribed(error);
        return error;
    }

    public static void AssertDescribed(ImportIssue issue)
    {
        var en = issue.Describe(Language.En);
        var fr = issue.Describe(Language.Fr);
        Assert.False(string.IsNullOrWhiteSpace(en));
        Assert.False(string.IsNullOrWhiteSpace(fr));
        Assert.NotEqual(en, fr);
        if (issue.Location.Row is int row)
        {
            Assert.Contains($"row {row}", en, StringComparison.Ordinal);
            Assert.Contains($"ligne {row}", fr, StringComparison.Ordinal);
        }
        else if (issue.Location.File is { } file)
        {
            Assert.Contains(file, en, StringComparison.Ordinal);
            Assert.Contains(file, fr, StringComparison.Ordinal);
        }
        if (issue.Value is { Length: > 0 and <= 60 } value && !value.Any(char.IsControl))
        {
            Assert.Contains(value, en, StringComparison.Ordinal);
            Assert.Contains(value, fr, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("{0}", en, StringComparison.Ordinal);
        Assert.DoesNotContain("{0}", fr, StringComparison.Ordinal);
    }
}
