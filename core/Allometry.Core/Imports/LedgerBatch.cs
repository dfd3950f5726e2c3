namespace Allometry.Core.Imports;

using Allometry.Core.Ledger;

/// <summary>
/// Everything one import brings, sheet by sheet. Readers may fill the sequences lazily (a
/// million-row invoice sheet is streamed, never held): a consumer enumerates each sequence at
/// most once, in the order of the properties, and reports problems it finds while reading into
/// <see cref="Issues"/>. Sheets the input did not have are empty and absent from <see cref="PresentSheets"/>.
/// </summary>
public sealed class LedgerBatch
{
    public required LedgerMeta Meta { get; init; }

    /// <summary>The files and sheets records point into through <see cref="RowRef.SourceIndex"/>.</summary>
    public IReadOnlyList<SourceSheet> Sources { get; init; } = [];

    /// <summary>Sheet names (as in import-format.md) the input actually had; decides which rules can run.</summary>
    public IReadOnlySet<string> PresentSheets { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public ImportIssueCollector Issues { get; init; } = new();

    public IEnumerable<Payer> Payers { get; init; } = [];
    public IEnumerable<EntityLink> EntityLinks { get; init; } = [];
    public IEnumerable<Project> Projects { get; init; } = [];
    public IEnumerable<Delivery> Deliveries { get; init; } = [];
    public IEnumerable<Quote> Quotes { get; init; } = [];
    public IEnumerable<Invoice> Invoices { get; init; } = [];
    public IEnumerable<Payment> Payments { get; init; } = [];
    public IEnumerable<PaymentApplication> PaymentApplications { get; init; } = [];
    public IEnumerable<RetainageHold> Retainage { get; init; } = [];
    public IEnumerable<ServiceContract> ServiceContracts { get; init; } = [];
    public IEnumerable<PaymentPromise> Promises { get; init; } = [];
    public IEnumerable<BankTransaction> BankTransactions { get; init; } = [];

    /// <summary>Where a record was read, as a location for an issue about one of its columns.</summary>
    public ImportLocation Locate(RowRef source, string? column = null)
    {
        if (source.SourceIndex < 0 || source.SourceIndex >= Sources.Count)
        {
            return new ImportLocation(null, null, source.Row == 0 ? null : source.Row, column);
        }
        var sheet = Sources[source.SourceIndex];
        return new ImportLocation(sheet.File, sheet.Sheet, source.Row, column);
    }
}
