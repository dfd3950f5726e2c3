namespace Allometry.Bot.Outbox;

using Allometry.Core.Cards;
using Allometry.Core.Postgres.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>Registers the outbox's dispatcher for <c>allometry serve</c> (the jobs enqueue through <c>ScheduledCardOutbox</c>).</summary>
internal static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// The dispatcher (a hosted service delivering through every registered
    /// <see cref="IChatChannel"/>), configured from the <c>Outbox</c> section: <c>MaxAttempts</c>,
    /// <c>BatchSize</c>, <c>MaxInFlight</c>, <c>MaxConcurrentSends</c>, <c>PollInterval</c>,
    /// <c>PacingHorizon</c>, <c>SendTimeout</c>, <c>Lease</c>, <c>InstanceName</c>, <c>OperatorChannel:{Platform,
    /// Realm, ConversationId, ServiceUrl, Language}</c>. An invalid value throws at registration,
    /// naming its key.
    /// </summary>
    public static IServiceCollection AddOutboxDispatcher(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Outbox");
        var options = new OutboxDispatcherOptions();
        section.Bind(options);
        options.Validate();
        var defaults = new OutboxOptions();
        var maxAttempts = section.GetValue<int?>("MaxAttempts") ?? defaults.MaxAttempts;
        if (maxAttempts < 1) throw new InvalidOperationException("Outbox:MaxAttempts must be at least 1.");
        var lease = section.GetValue<TimeSpan?>("Lease") ?? defaults.Lease;
        // A claimed message may wait up to PacingHorizon for its slot, then its call may take
        // SendTimeout: the lease must cover both, or every claim would be given back unsent.
        if (lease <= options.SendTimeout + options.PacingHorizon)
            throw new InvalidOperationException("Outbox:Lease must be longer than Outbox:SendTimeout plus Outbox:PacingHorizon.");
        services.TryAddSingleton(new OutboxOptions { MaxAttempts = maxAttempts, Lease = lease });
        services.AddSingleton(options);
        services.AddSingleton<OutboxDispatcher>(sp => new OutboxDispatcher(
            sp.GetRequiredService<OutboxStore>(), sp.GetServices<IChatChannel>(), options,
            sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<ILogger<OutboxDispatcher>>()));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
