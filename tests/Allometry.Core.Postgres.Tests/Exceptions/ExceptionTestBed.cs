namespace Allometry.Core.Postgres.Tests.Exceptions;

using Allometry.Core.Imports;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Rules;
using Allometry.Testing;
using Dapper;

/// <summary>The stores, an evaluator of the test rules and SQL probes over one database.</summary>
internal sealed class ExceptionTestBed(PostgresFixture postgres, RuleEngine? engine = null)
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);

    public LedgerImporter Importer { get; } = new(postgres.DataSource);
    public ExceptionStore Store { get; } = new(postgres.DataSource);
    public RuleSettingsStore Settings { get; } = new(postgres.DataSource);

    public ExceptionEvaluator Evaluator { get; } = new(
        postgres.DataSource, new LedgerSnapshotStore(postgres.DataSource), new RuleSettingsStore(postgres.DataSource),
        new FixedTimeProvider(Now), engine ?? new RuleEngine([new UnpaidDepositTestRule(), new PayerBalanceTestRule()]));

    public static string NewTenant() => "exc-" + Guid.NewGuid().ToString("N")[..8];

    public Task ImportAsync(string tenant, LedgerBatch batch) => Importer.ImportAsync(tenant, batch, CancellationToken.None);

    public Task<ExceptionEvaluation> EvaluateAsync(string tenant) => Evaluator.EvaluateTenantAsync(tenant, null, CancellationToken.None);

    public async Task<ExceptionRow> RowAsync(string tenant, string fingerprint)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<ExceptionRow>(
            """
            SELECT exception_id AS Id, status::text AS Status, version AS Version, amount_at_risk AS Amount, severity::text AS Severity,
                   snoozed_until::text AS SnoozedUntil, snooze_reason AS SnoozeReason, escalated_to AS EscalatedTo,
                   dismissed_reason AS DismissedReason, close_reason_en AS CloseEn, close_reason_fr AS CloseFr,
                   closed_on::text AS ClosedOn, reopened_count AS ReopenedCount, last_seen_on::text AS LastSeenOn,
                   updated_at AS UpdatedAt
            FROM exceptions WHERE tenant_id = @tenant AND fingerprint = @fingerprint
            """,
            new { tenant, fingerprint });
    }

    public async Task<IReadOnlyList<HistoryRow>> HistoryAsync(string tenant, long? exceptionId = null)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<HistoryRow>(
            """
            SELECT exception_id AS ExceptionId, version AS Version, kind::text AS Kind, actor AS Actor, before::text AS Before, after::text AS After
            FROM exception_history WHERE tenant_id = @tenant AND (@id::bigint IS NULL OR exception_id = @id)
            ORDER BY exception_id, version
            """,
            new { tenant, id = exceptionId })];
    }

    public async Task ExecuteAsync(string sql, object parameters)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, parameters);
    }

    public async Task<long> CountAsync(string sql, object parameters)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }
}

internal sealed record ExceptionRow(
    long Id, string Status, int Version, decimal Amount, string Severity, string? SnoozedUntil, string? SnoozeReason,
    string? EscalatedTo, string? DismissedReason, string? CloseEn, string? CloseFr, string? ClosedOn, int ReopenedCount,
    string LastSeenOn, DateTime UpdatedAt);

internal sealed record HistoryRow(long ExceptionId, int Version, string Kind, string Actor, string? Before, string After);
