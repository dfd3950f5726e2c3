namespace Allometry.Bot.Serve;

using Allometry.Bot.Scheduling;

/// <summary>The host's validated configuration (see <see cref="HostConfiguration"/> and the README's table).</summary>
internal sealed record ServeSettings
{
    /// <summary>The PostgreSQL connection string; null starts the private server under the home folder.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>The folder of the private server when no connection string is set.</summary>
    public required string Home { get; init; }

    /// <summary>Where Kestrel listens.</summary>
    public required string Urls { get; init; }

    /// <summary>How long a stop waits for requests and jobs in flight.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public required SchedulerOptions Scheduler { get; init; }
}
