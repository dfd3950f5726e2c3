namespace Allometry.Core.Postgres.Tests.Outbox;

using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Outbox;
using Allometry.Core.Rules;
using Allometry.Testing;
using Dapper;
using Npgsql;

/// <summary>A tenant of its own, a store on a hand-moved clock, and cards and messages to queue.</summary>
internal sealed class OutboxTestBed(TestDatabase database)
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public ManualClock Clock { get; } = new(Start);

    public NpgsqlDataSource DataSource => database.DataSource;

    public OutboxStore Store => field ??= new OutboxStore(database.DataSource, Clock, new OutboxOptions { MaxAttempts = 3 });

    public static async Task<string> NewTenantAsync(NpgsqlDataSource dataSource)
    {
        var tenant = "obx-" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("INSERT INTO tenants (tenant_id, name) VALUES (@tenant, 'Outbox test')", new { tenant });
        return tenant;
    }

    public static ChannelAddress Slack(string channel) => new(Platform.Slack, "T0TEAM", channel);

    public static ExceptionCard Card(long exceptionId, int version = 1, Language language = Language.En, string title = "Deposit short") => new()
    {
        Language = language,
        FallbackText = title,
        ExceptionId = exceptionId,
        Version = version,
        RuleId = "DepositShort",
        Severity = Severity.High,
        SeverityLabel = "High",
        Title = title,
        Detail = "Deposit received is 1 234,56 $ short",
        SuggestedAction = "Call the payer",
        AmountAtRisk = 1234.56m,
        AmountText = "1 234,56 $",
    };

    public static OutboxMessage Post(string tenant, ChannelAddress address, long? exceptionId = null, string? key = null, Language language = Language.En) => new()
    {
        TenantId = tenant,
        Address = address,
        Card = Card(exceptionId ?? 0, language: language),
        ExceptionId = exceptionId,
        DedupeKey = key ?? Guid.NewGuid().ToString("N"),
    };

    public async Task<long?> EnqueueCommittedAsync(OutboxMessage message)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var id = await Store.EnqueueAsync(connection, transaction, message, CancellationToken.None);
        await transaction.CommitAsync();
        return id;
    }

    /// <summary>Claims everything due, marks posts sent with message ids "m-&lt;outbox id&gt;".</summary>
    public async Task<IReadOnlyList<OutboxClaim>> DeliverAllAsync(string owner = "test")
    {
        var all = new List<OutboxClaim>();
        while (true)
        {
            var claims = await Store.ClaimAsync(owner, 100, CancellationToken.None);
            if (claims.Count == 0) return all;
            await Store.MarkSentAsync([.. claims.Select(c => new OutboxDelivery(c, c.Kind == OutboxKind.Post ? $"m-{c.OutboxId}" : null))], CancellationToken.None);
            all.AddRange(claims);
        }
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException("No value.");
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }
}
