namespace Allometry.Bot.Outbox;

using Allometry.Core.Postgres.Outbox;
using Microsoft.Extensions.Logging;
using Npgsql;

// Settling: outcomes are written in batches by one loop, so a thousand deliveries a second cost a
// few statements, not a thousand. A write that fails because the database is away is retried
// until it succeeds or the lease it relies on has expired (then another dispatcher owns the
// message and the write would be refused anyway).
internal sealed partial class OutboxDispatcher
{
    private const int SettleBatch = 500;

    private async Task SettleLoopAsync()
    {
        var reader = _settlements.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var batch = new List<Settlement>();
            while (batch.Count < SettleBatch && reader.TryRead(out var settlement)) batch.Add(settlement);
            if (batch.Count == 0) continue;
            await PersistAsync(batch).ConfigureAwait(false);
            Interlocked.Add(ref _inFlight, -batch.Count);
            _laneFreed.Release();
        }
    }

    private async Task PersistAsync(IReadOnlyList<Settlement> batch)
    {
        var sent = batch.Where(s => s.Failure is null && s.DeferUntil is null).Select(s => new OutboxDelivery(s.Claim, s.MessageId, s.PostedConversationId, s.Reconciliation)).ToList();
        var deferred = batch.Where(s => s.DeferUntil is not null).Select(s => (s.Claim.OutboxId, s.DeferUntil!.Value)).ToList();
        if (sent.Count > 0)
        {
            var marked = await PersistentlyAsync(ct => _store.MarkSentAsync(sent, ct)).ConfigureAwait(false);
            if (marked < sent.Count) LogLeaseLost(_logger, sent.Count - marked);
        }
        if (deferred.Count > 0) await GiveBackAsync(deferred).ConfigureAwait(false);
        foreach (var failed in batch.Where(s => s.Failure is not null))
        {
            var failure = failed.Failure!;
            var outcome = await PersistentlyAsync(ct => _store.FailAsync(failed.Claim, failure,
                dead => DeadLetterNotice.For(dead, _operatorChannel, _options.OperatorChannel?.Language ?? Core.Localization.Language.En, failure), ct)).ConfigureAwait(false);
            if (outcome?.Dead == true) LogDead(_logger, failed.Claim.OutboxId, failed.Claim.Address.Platform, failure.Code, failed.Claim.Attempts);
            else LogRetry(_logger, failed.Claim.OutboxId, failed.Claim.Address.Platform, failure.Code, outcome?.NextAttemptAt);
        }
    }

    private async Task GiveBackAsync(IReadOnlyList<(long OutboxId, DateTimeOffset At)> deferrals) =>
        await PersistentlyAsync(ct => _store.DeferAsync(InstanceName, deferrals, ct)).ConfigureAwait(false);

    private async Task<T?> PersistentlyAsync<T>(Func<CancellationToken, Task<T>> write)
    {
        var giveUpAt = _time.GetUtcNow() + _store.Options.Lease;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsDatabaseOutage(ex))
            {
                if (_time.GetUtcNow() >= giveUpAt)
                {
                    LogSettleAbandoned(_logger, ex.GetType().Name);
                    return default;
                }
                LogSettleRetry(_logger, ex.GetType().Name, attempt);
                await DelayAsync(Backoff(attempt), CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task WaitForLaneAsync(TimeSpan timeout, CancellationToken stop)
    {
        try
        {
            await _laneFreed.WaitAsync(timeout, stop).ConfigureAwait(false);
            while (_laneFreed.CurrentCount > 0 && _laneFreed.Wait(0))
            {
                // Drain: one wake-up is enough for any number of freed lanes.
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, _time, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Math.Min(5000, 100 * Math.Pow(2, Math.Min(attempt, 10))));

    private static bool IsDatabaseOutage(Exception ex) => ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException
        || (ex is InvalidOperationException && ex.InnerException is NpgsqlException);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: no operator channel configured (Outbox:OperatorChannel); dead-lettered messages are only logged")]
    private static partial void LogNoOperatorChannel(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: no chat channel is registered; this instance delivers nothing (another instance with channels will)")]
    private static partial void LogNoChannels(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: claiming failed ({Error}), attempt {Attempt}; retrying")]
    private static partial void LogClaimFailed(ILogger logger, string error, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: settling failed ({Error}), attempt {Attempt}; retrying")]
    private static partial void LogSettleRetry(ILogger logger, string error, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox: settling abandoned ({Error}) after the lease expired; the messages will be claimed again")]
    private static partial void LogSettleAbandoned(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: {Count} delivered message(s) could not be marked sent: their lease had expired")]
    private static partial void LogLeaseLost(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: message {OutboxId} to {Platform} failed ({Code}); next attempt at {NextAttemptAt}")]
    private static partial void LogRetry(ILogger logger, long outboxId, Core.People.Platform platform, string code, DateTimeOffset? nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox: message {OutboxId} to {Platform} dead-lettered ({Code}) after {Attempts} attempt(s)")]
    private static partial void LogDead(ILogger logger, long outboxId, Core.People.Platform platform, string code, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox: message {OutboxId} to {Platform}: unexpected failure in the channel")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, long outboxId, Core.People.Platform platform);
}
