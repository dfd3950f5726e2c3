namespace Allometry.Bot.Outbox;

using Allometry.Core.Cards;

/// <summary>The dispatcher's settings (configuration section <c>Outbox</c>).</summary>
internal sealed class OutboxDispatcherOptions
{
    /// <summary>Most messages claimed at once (at most one per conversation).</summary>
    /// <value>1,000: one claim takes the next message of a thousand Slack channels, each due once a second.</value>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Most messages claimed and not yet settled (waiting for their pace slot or being sent).</summary>
    /// <value>2,000: enough for a thousand Slack channels each with its next message waiting its second.</value>
    public int MaxInFlight { get; set; } = 2000;

    /// <summary>Most platform calls at once.</summary>
    /// <value>64.</value>
    public int MaxConcurrentSends { get; set; } = 64;

    /// <summary>How long to wait before looking again when nothing was due.</summary>
    /// <value>500 ms.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A claimed message whose pace slot is further away than this is given back, not held.</summary>
    /// <value>2 seconds.</value>
    public TimeSpan PacingHorizon { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one platform call may take before it counts as a failed attempt.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>This instance's name in leases; a fresh unique name per process when empty.</summary>
    public string? InstanceName { get; set; }

    /// <summary>Where dead-lettered messages are reported; none configured means they are only logged.</summary>
    public OperatorChannelOptions? OperatorChannel { get; set; }

    /// <summary>The operator channel as an address; throws naming the key when it is incomplete.</summary>
    public ChannelAddress? OperatorAddress()
    {
        if (OperatorChannel is not { } o) return null;
        if (o.Platform is not { } platform) throw new InvalidOperationException("Outbox:OperatorChannel:Platform is required (Slack, Teams or WebChat).");
        if (string.IsNullOrWhiteSpace(o.Realm)) throw new InvalidOperationException("Outbox:OperatorChannel:Realm is required (Slack team id, Entra tenant id or local).");
        if (string.IsNullOrWhiteSpace(o.ConversationId)) throw new InvalidOperationException("Outbox:OperatorChannel:ConversationId is required.");
        return new ChannelAddress(platform, o.Realm, o.ConversationId, string.IsNullOrWhiteSpace(o.ServiceUrl) ? null : o.ServiceUrl);
    }

    /// <summary>Throws naming the key of the first invalid setting.</summary>
    public void Validate()
    {
        if (BatchSize < 1) throw new InvalidOperationException("Outbox:BatchSize must be at least 1.");
        if (MaxInFlight < 1) throw new InvalidOperationException("Outbox:MaxInFlight must be at least 1.");
        if (MaxConcurrentSends < 1) throw new InvalidOperationException("Outbox:MaxConcurrentSends must be at least 1.");
        if (PollInterval <= TimeSpan.Zero) throw new InvalidOperationException("Outbox:PollInterval must be positive.");
        if (SendTimeout <= TimeSpan.Zero) throw new InvalidOperationException("Outbox:SendTimeout must be positive.");
        OperatorAddress();
    }
}
