namespace Allometry.Core.Postgres.Imports;

using Allometry.Core.Imports;
using Allometry.Core.Postgres.Imports.Staging;
using Dapper;
using Npgsql;

/// <summary>The state of one import: its connection and transaction, tenant, journal id and staging relations.</summary>
internal sealed class ImportSession(NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, LedgerBatch batch, CancellationToken ct)
{
    public NpgsqlConnection Connection { get; } = connection;
    public NpgsqlTransaction Transaction { get; } = transaction;
    public string TenantId { get; } = tenantId;
    public LedgerBatch Batch { get; } = batch;
    public CancellationToken Ct { get; } = ct;
    public long ImportId { get; set; }
    public string? Digest { get; set; }

    /// <summary>Where each sheet's rows of this import are: its staging table, or the new invoice partition.</summary>
    public Dictionary<LedgerTable, string> Relations { get; } = [];

    // Bulk statements over a million rows take seconds; the caller's token is the limit, not a timeout.
    private const int NoTimeout = 0;

    public Task<int> ExecuteAsync(string sql, object? parameters = null) =>
        Connection.ExecuteAsync(new CommandDefinition(sql, parameters, Transaction, NoTimeout, cancellationToken: Ct));

    public Task<T> ScalarAsync<T>(string sql, object? parameters = null) =>
        Connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters, Transaction, NoTimeout, cancellationToken: Ct))!;

    public Task<T> QuerySingleAsync<T>(string sql, object? parameters = null) =>
        Connection.QuerySingleAsync<T>(new CommandDefinition(sql, parameters, Transaction, NoTimeout, cancellationToken: Ct));

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        [.. await Connection.QueryAsync<T>(new CommandDefinition(sql, parameters, Transaction, NoTimeout, cancellationToken: Ct)).ConfigureAwait(false)];

    /// <summary>Where a staged row came from, as an issue location.</summary>
    public ImportLocation Locate(int? srcIndex, int? srcRow, string column) =>
        Batch.Locate(new Allometry.Core.Ledger.RowRef(srcIndex ?? -1, srcRow ?? 0), column);
}
