namespace Allometry.Bot.Imports;

using Allometry.Core.Imports;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Tenants;

/// <summary>
/// One import as a user asks for it: each path is read by the first source that recognizes it
/// (ledger workbook, aging export), the batches are combined, and the store loads them in one
/// transaction. Unrecognized paths are rejected before anything is read. An import that changed
/// the ledger is then evaluated, so the tenant's exceptions always describe its latest ledger.
/// </summary>
internal sealed class ImportService(IEnumerable<ILedgerSource> sources, LedgerImporter importer, ExceptionEvaluator evaluator)
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
        // The same ledger again changes no finding: its evaluation would write nothing.
        var exceptions = request.Evaluate && !result.IsUnchanged
            ? await evaluator.EvaluateTenantAsync(tenant, null, ct)
            : null;
        return new ImportOutcome(tenant, batch.Meta.AsOf, result, exceptions);
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

/// <summary>What the user asked to import; <paramref name="Evaluate"/> false leaves the exceptions alone (a scratch import).</summary>
internal sealed record ImportRequest(string? Tenant, DateOnly? AsOf, Language Language, bool Evaluate = true);

/// <summary>What an import did, for which tenant and date, and what its evaluation did (null when none ran).</summary>
internal sealed record ImportOutcome(string Tenant, DateOnly AsOf, ImportResult Result, ExceptionEvaluation? Exceptions = null);
