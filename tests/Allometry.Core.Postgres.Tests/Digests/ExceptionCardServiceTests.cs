namespace Allometry.Core.Postgres.Tests.Digests;

using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Digests;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.Tests.Actions;
using Allometry.Testing;
using Dapper;

[Collection(PostgresCollection.Name)]
public sealed class ExceptionCardServiceTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ComposeAsync_CacheLifetimePassed_SweepForgetsTheTenantsRiskQueue()
    {
        // Arrange
        var (service, clock) = await ComposedOnceAsync();
        var heldAfterCompose = service.CachedRiskQueues;

        // Act
        clock.Advance(ExceptionCardService.RiskCacheLifetime);
        clock.FireTimers();

        // Assert
        Assert.Equal(1, heldAfterCompose);
        Assert.Equal(0, service.CachedRiskQueues);
    }

    [Fact]
    public async Task ComposeAsync_CacheStillFresh_SweepKeepsTheTenantsRiskQueue()
    {
        // Arrange
        var (service, clock) = await ComposedOnceAsync();

        // Act
        clock.Advance(ExceptionCardService.RiskCacheLifetime - TimeSpan.FromSeconds(1));
        clock.FireTimers();

        // Assert
        Assert.Equal(1, service.CachedRiskQueues);
    }

    private async Task<(ExceptionCardService Service, TimerClock Clock)> ComposedOnceAsync()
    {
        var (tenant, people) = await new ActionTestBed(postgres).NewTenantAsync();
        var source = postgres.DataSource;
        var clock = new TimerClock(ActionTestBed.Now);
        var service = new ExceptionCardService(source, new RiskQueueService(new LedgerSnapshotStore(source), new RuleSettingsStore(source)), clock);
        await using var connection = await source.OpenConnectionAsync();
        var exceptionId = await connection.ExecuteScalarAsync<long>("SELECT min(exception_id) FROM exceptions WHERE tenant_id = @tenant", new { tenant });
        var card = await service.ComposeAsync(tenant, exceptionId, people[Role.Finance], Language.En, null, CancellationToken.None);
        Assert.NotNull(card);
        return (service, clock);
    }

    /// <summary>A clock moved by hand whose timers fire when the test says so.</summary>
    private sealed class TimerClock(DateTimeOffset start) : TimeProvider
    {
        private readonly List<(TimerCallback Callback, object? State)> _timers = [];
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;

        public void FireTimers()
        {
            foreach (var (callback, state) in _timers.ToList()) callback(state);
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _timers.Add((callback, state));
            return new NoTimer();
        }

        private sealed class NoTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
