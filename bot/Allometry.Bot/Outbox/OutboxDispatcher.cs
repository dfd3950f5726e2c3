namespace Allometry.Bot.Outbox;

using System.Collections.Concurrent;
using System.Threading.Channels;
using Allometry.Core.Cards;
using Allometry.Core.People;
using Allometry.Core.Postgres.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>
/// Delivers the outbox: claims due messages (one per conversation at a time, across every
/// instance), waits for each one's pace slot (<see cref="ChannelPacer"/>), calls the platform's
/// <see cref="IChatChannel"/>, and settles the outcome in batches — sent (with where a post
/// landed), failed (retried with backoff honouring Retry-After, or dead-lettered with one notice
/// to the operator channel), or given back unsent. Stopping lets calls in progress finish and
/// gives back what had not started.
/// </summary>
/// <remarks>
/// A process killed between a platform's "ok" and the settlement leaves its messages claimed until
/// their lease expires; the instance that takes a post over first asks the platform whether it
/// landed (<see cref="IPostLookup"/>, by the post key every attempt carries) and records the found
/// post instead of posting again — exactly once where the channel can look posts up (Slack).
/// Where it cannot (Teams), or the lookup fails, the post is sent again (at least once) and the
/// row says so. Everything else — two dispatchers, a restarted database, a throttling platform —
/// delivers each message once.
/// </remarks>
internal sealed partial class OutboxDispatcher : BackgroundService
{
    private readonly OutboxStore _store;
    private readonly IReadOnlyDictionary<Platform, IChatChannel> _channels;
    private readonly Platform[] _platforms;
    private readonly OutboxDispatcherOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly ChannelPacer _pacer;
    private readonly ChannelAddress? _operatorChannel;
    private readonly SemaphoreSlim _sends;
    private readonly SemaphoreSlim _laneFreed = new(0);
    private readonly Channel<Settlement> _settlements = Channel.CreateUnbounded<Settlement>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, Task> _active = new();
    private int _inFlight;

    public OutboxDispatcher(OutboxStore store, IEnumerable<IChatChannel> channels, OutboxDispatcherOptions options, TimeProvider time,
        ILogger<OutboxDispatcher> logger, Func<Platform, PlatformRateLimits>? limits = null)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var byPlatform = new Dictionary<Platform, IChatChannel>();
        foreach (var channel in channels)
        {
            if (!byPlatform.TryAdd(channel.Platform, channel))
                throw new InvalidOperationException($"Two chat channels are registered for {channel.Platform}; the outbox needs exactly one per platform.");
        }
        _store = store;
        _channels = byPlatform;
        _platforms = [.. byPlatform.Keys];
        _options = options;
        _time = time;
        _logger = logger;
        _pacer = new ChannelPacer(time, limits);
        _operatorChannel = options.OperatorAddress();
        _sends = new SemaphoreSlim(options.MaxConcurrentSends);
        InstanceName = string.IsNullOrWhiteSpace(options.InstanceName)
            ? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}"
            : options.InstanceName;
    }

    /// <summary>The name this dispatcher's leases carry.</summary>
    public string InstanceName { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_operatorChannel is null) LogNoOperatorChannel(_logger);
        if (_platforms.Length == 0) LogNoChannels(_logger);
        var settling = Task.Run(SettleLoopAsync, CancellationToken.None);
        try
        {
            await ClaimLoopAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            // Calls in progress finish; messages still waiting for their slot were given back.
            await Task.WhenAll(_active.Values).ConfigureAwait(false);
            _settlements.Writer.Complete();
            await settling.ConfigureAwait(false);
        }
    }

    private async Task ClaimLoopAsync(CancellationToken stop)
    {
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            var room = _options.MaxInFlight - Volatile.Read(ref _inFlight);
            if (room <= 0)
            {
                await WaitForLaneAsync(_options.PollInterval, stop).ConfigureAwait(false);
                continue;
            }
            var limit = Math.Min(room, _options.BatchSize);
            IReadOnlyList<OutboxClaim> claims;
            try
            {
                claims = await _store.ClaimAsync(InstanceName, limit, _platforms, stop).ConfigureAwait(false);
                failures = 0;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (IsDatabaseOutage(ex))
            {
                // The database is away (restart, failover): keep trying, a little slower each time.
                failures++;
                LogClaimFailed(_logger, ex.GetType().Name, failures);
                await DelayAsync(Backoff(failures), stop).ConfigureAwait(false);
                continue;
            }
            var deferrals = new List<(long, DateTimeOffset)>();
            foreach (var claim in claims)
            {
                var (at, reserved) = _pacer.Reserve(claim.Address, _options.PacingHorizon);
                if (!reserved)
                {
                    deferrals.Add((claim.OutboxId, at));
                    continue;
                }
                Interlocked.Increment(ref _inFlight);
                var delivery = DeliverAsync(claim, at, stop);
                _active[claim.OutboxId] = delivery;
                _ = delivery.ContinueWith(_ => _active.TryRemove(claim.OutboxId, out Task? _), CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            if (deferrals.Count > 0) await GiveBackAsync(deferrals).ConfigureAwait(false);
            if (claims.Count < limit) await WaitForLaneAsync(_options.PollInterval, stop).ConfigureAwait(false);
        }
    }

    private async Task DeliverAsync(OutboxClaim claim, DateTimeOffset at, CancellationToken stop)
    {
        try
        {
            var wait = at - _time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, stop).ConfigureAwait(false);
            await _sends.WaitAsync(stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping before the call started: give the message back, in its place, for another instance.
            await _settlements.Writer.WriteAsync(Settlement.Deferred(claim, DateTimeOffset.UnixEpoch), CancellationToken.None).ConfigureAwait(false);
            return;
        }
        // A call must end before the lease does: after it, another instance may take the message
        // over, and a post still landing then would not be found by its lookup. A claim whose
        // lease was mostly spent waiting for its turn is given back untouched instead.
        var callDeadline = claim.LeaseUntil - (_store.Options.Lease / 5);
        if (_time.GetUtcNow() >= callDeadline)
        {
            _sends.Release();
            LogLeaseTooShort(_logger, claim.OutboxId);
            await _settlements.Writer.WriteAsync(Settlement.Deferred(claim, DateTimeOffset.UnixEpoch), CancellationToken.None).ConfigureAwait(false);
            return;
        }
        Settlement settlement;
        try
        {
            settlement = await SendAsync(claim, callDeadline).ConfigureAwait(false);
        }
        finally
        {
            _sends.Release();
            _pacer.Completed(claim.Address);
        }
        await _settlements.Writer.WriteAsync(settlement, CancellationToken.None).ConfigureAwait(false);
    }

    // The call itself is not cancelled by stopping: it finishes (bounded by SendTimeout and the lease) and is settled.
    private async Task<Settlement> SendAsync(OutboxClaim claim, DateTimeOffset deadline)
    {
        if (!_channels.TryGetValue(claim.Address.Platform, out var channel))
            return Settlement.Failed(claim, new OutboxFailure($"no_channel_{claim.Address.Platform}".ToLowerInvariant(), Permanent: true));
        var left = deadline - _time.GetUtcNow();
        using var timeout = new CancellationTokenSource(left < _options.SendTimeout ? left : _options.SendTimeout, _time);
        try
        {
            switch (claim.Kind)
            {
                case OutboxKind.Post:
                    return await PostAsync(channel, claim, timeout.Token).ConfigureAwait(false);
                case OutboxKind.Update:
                    await channel.UpdateAsync(claim.Posted!, claim.Card!, timeout.Token).ConfigureAwait(false);
                    return Settlement.Sent(claim, null);
                default:
                    await channel.DeleteAsync(claim.Posted!, timeout.Token).ConfigureAwait(false);
                    return Settlement.Sent(claim, null);
            }
        }
        catch (ChannelDeliveryException ex)
        {
            if (ex.RetryAfter is { } retryAfter) _pacer.Throttled(claim.Address, retryAfter);
            return Settlement.Failed(claim, new OutboxFailure(ex.Reason, ex.Permanent, ex.RetryAfter, MayHaveLanded: Unanswered(ex)));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return Settlement.Failed(claim, new OutboxFailure("timeout", MayHaveLanded: true));
        }
        catch (HttpRequestException ex)
        {
            return Settlement.Failed(claim, new OutboxFailure(ex.StatusCode is { } status ? $"http_{(int)status}" : "network", MayHaveLanded: true));
        }
#pragma warning disable CA1031 // A channel's unexpected failure is one message's failed attempt, never the dispatcher's end.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogUnexpected(_logger, ex, claim.OutboxId, claim.Address.Platform);
            return Settlement.Failed(claim, new OutboxFailure("error_" + ex.GetType().Name, MayHaveLanded: true));
        }
    }
}
