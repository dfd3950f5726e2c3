namespace Allometry.Adapters.Ledger;

using Allometry.Adapters.Ledger.Aging;
using Allometry.Adapters.Ledger.Workbook;
using Allometry.Core.Imports;
using Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the file-based ledger sources: the ledger workbook first, then native aging exports.</summary>
public static class LedgerFilesServiceCollectionExtensions
{
    public static IServiceCollection AddLedgerFiles(this IServiceCollection services)
    {
        // Order matters: a workbook folder or .xlsx is recognized before aging-export sniffing runs.
        services.AddSingleton<ILedgerSource, LedgerWorkbookSource>();
        services.AddSingleton<ILedgerSource, AgingExportSource>();
        return services;
    }
}
