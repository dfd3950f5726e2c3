namespace Allometry.Core.Postgres.Tests.Outbox;

using Allometry.Core.Cards;
using Allometry.Core.Postgres.Outbox;
using Allometry.Testing;
using Dapper;

[Collection(PostgresCollection.Name)]
public sealed class DigestDeliveryTests(PostgresFixture postgres) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private OutboxTestBed _bed = null!;
    private string _tenant = "";
    private long _subscription;

    public async Task InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync();
        _bed = new OutboxTestBed(_database);
        _tenant = await OutboxTestBed.NewTenantAsync(_database.DataSource);
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        _subscription = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO digest_subscriptions (tenant_id, kind, platform, realm, conversation_id, local_time, time_zone)
            VALUES (@tenant, 'morning', 'slack', 'T0TEAM', 'C1', '07:30', 'America/Toronto') RETURNING subscription_id
            """, new { tenant = _tenant });
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<int> EnqueueAsync(DateOnly day, params long[] exceptionIds)
    {
        await using var connection = await _bed.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var queued = await _bed.Store.EnqueueDigestCardsAsync(connection, transaction, new DigestDelivery(_tenant, _subscription, day),
            OutboxTestBed.Slack("C1"), [.. exceptionIds.Select(id => OutboxTestBed.Card(id))], CancellationToken.None);
        await transaction.CommitAsync();
        return queued;
    }

    [Fact]
    public async Task EnqueueDigestCardsAsync_SameDayRunTwiceWithOverlap_EachExceptionOnce()
    {
        // Arrange
        var day = new DateOnly(2026, 11, 23);

        // Act
        var first = await EnqueueAsync(day, 1, 2, 3);
        var second = await EnqueueAsync(day, 2, 3, 4, 4);

        // Assert
        Assert.Equal(3, first);
        Assert.Equal(1, second);
        var perException = await _bed.QueryAsync<long>("SELECT exception_id FROM outbox WHERE tenant_id = @tenant ORDER BY exception_id", new { tenant = _tenant });
        Assert.Equal([1L, 2L, 3L, 4L], perException);
    }

    [Fact]
    public async Task EnqueueDigestCardsAsync_NextDay_PostsAgain()
    {
        // Arrange
        await EnqueueAsync(new DateOnly(2026, 11, 23), 1, 2);

        // Act
        var nextDay = await EnqueueAsync(new DateOnly(2026, 11, 24), 1, 2);

        // Assert
        Assert.Equal(2, nextDay);
        Assert.Equal(4, await _bed.ScalarAsync<long>("SELECT count(*) FROM digest_deliveries WHERE tenant_id = @tenant", new { tenant = _tenant }));
    }

    [Fact]
    public async Task EnqueueDigestAsync_WholeDigestCardTwice_OneCardAndItsExceptionsRecorded()
    {
        // Arrange
        var delivery = new DigestDelivery(_tenant, _subscription, new DateOnly(2026, 11, 23));
        var digest = new DigestCard { Language = Core.Localization.Language.En, FallbackText = "3 exceptions", Title = "Morning digest", On = new DateOnly(2026, 11, 23), Items = [] };

        // Act
        var results = new List<int>();
        for (var run = 0; run < 2; run++)
        {
            await using var connection = await _bed.DataSource.OpenConnectionAsync();
            results.Add(await _bed.Store.EnqueueDigestAsync(connection, null, delivery, OutboxTestBed.Slack("C1"), digest, [11, 12, 13], CancellationToken.None));
        }

        // Assert
        Assert.Equal([1, 0], results);
        Assert.Equal(3, await _bed.ScalarAsync<long>("SELECT count(*) FROM digest_deliveries WHERE tenant_id = @tenant", new { tenant = _tenant }));
        var claim = Assert.Single(await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None));
        Assert.IsType<DigestCard>(claim.Card);
    }
}
