namespace Allometry.Bot.Imports;

using Allometry.Core.Imports;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Tenants;

/// <summary>
/// One import as a user asks for it: each path is read by the first source that recognizes it
/// (ledger workbook, aging export), the batches are combined, and the store loads them in one
/// transaction. Unrecognized paths are rejected before anything is read.
/// </summary>
internal sealed class ImportService(IEnumerable<ILedgerSource> sources, LedgerImporter importer)
{
    private readonly IReadOnlyList<ILedgerSource> _sources = [.. sources];

    public async Task<ImportOutcome> ImportAsync(IReadOnlyList<string> paths, ImportRequest request, CancellationToken ct)
    {
        var options = new LedgerReadOptions { AsOf = request.AsOf, Tenant = request.Tenant, Language = request.Language };
        var batches = new List<LedgerBatch>(paths.Count);
        foreach (var path in paths)
        {
            batches.Add(SourceFor(path).Read(path, options));
        }
        var batch = batches.Count == 1 ? batches[0] : LedgerBatchCombiner.Combine(batches);
        var tenant = TenantId.Require(request.Tenant ?? batch.Meta.Tenant ?? DefaultTenant);
        var result = await importer.ImportAsync(tenant, batch, ct);
        return new ImportOutcome(tenant, batch.Meta.AsOf, result);
    }

    /// <value>The tenant used when neither the command nor the workbook names one.</value>
    public const string DefaultTenant = "default";

    private ILedgerSource SourceFor(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new LedgerImportException([ImportIssue.Error(ImportIssueCode.FileNotFound, new ImportLocation(path), null)]);
        }
        return _sources.FirstOrDefault(s => s.CanRead(path))
            ?? throw new LedgerImportException([ImportIssue.Error(ImportIssueCode.UnsupportedFormat, new ImportLocation(path), null)]);
    }
}

/// <summary>What the user asked to import.</summary>
internal sealed record ImportRequest(string? Tenant, DateOnly? AsOf, Language Language);

/// <summary>What an import did, for which tenant and date.</summary>
internal sealed record ImportOutcome(string Tenant, DateOnly AsOf, ImportResult Result);
