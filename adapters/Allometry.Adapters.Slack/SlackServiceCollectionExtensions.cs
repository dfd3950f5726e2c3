namespace Allometry.Adapters.Slack;

using Allometry.Adapters.Slack.Channel;
using Allometry.Adapters.Slack.Configuration;
using Allometry.Adapters.Slack.Inbound;
using Allometry.Adapters.Slack.Installations;
using Allometry.Adapters.Slack.Interactivity;
using Allometry.Adapters.Slack.Replies;
using Allometry.Adapters.Slack.Security;
using Allometry.Adapters.Slack.SocketMode;
using Allometry.Adapters.Slack.WebApi;
using Allometry.Adapters.Slack.Work;
using Allometry.Core.Cards;
using Allometry.Core.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>Registers the Slack channel: inbound handlers, Socket Mode, the Web API client, the chat channel and the directory.</summary>
public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>Slack:</c> (fails here, naming the key, when it cannot work) and registers
    /// <see cref="IChatChannel"/> and <see cref="IDirectory"/> for Slack. The caller registers the
    /// <c>NpgsqlDataSource</c> and the <c>IConversation</c>, and maps the endpoints with <c>MapSlackEndpoints</c>.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new SlackOptions();
        configuration.GetSection(SlackOptions.Section).Bind(options);
        SlackOptionsValidation.ThrowIfInvalid(options);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => new SlackWebApiClient(
            // A long-lived client whose connections are recycled, so DNS changes are seen.
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }) { Timeout = TimeSpan.FromSeconds(15) },
            options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SlackWebApiClient>>()));
        services.AddSingleton<ChannelPostThrottle>();
        services.AddSingleton<SlackWebApi>();
        services.AddSingleton<SlackTokenSource>();
        if (options.UsesOAuth)
        {
            services.AddSingleton(new SlackTokenCipher(SlackOptionsValidation.KeyBytes(options.TokenEncryptionKey)!));
            services.AddSingleton(sp => new OAuthState(SlackOptionsValidation.KeyBytes(options.TokenEncryptionKey)!, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<SlackInstallationStore>();
            services.AddSingleton<SlackOAuthFlow>();
        }
        services.AddSingleton<EventReceipts>();
        services.AddSingleton<ActionFormStore>();
        services.AddSingleton<ReplayGuard>();
        services.AddSingleton<SlackRequestGate>();
        services.AddSingleton<SlackWorkQueue>();
        services.AddSingleton<SlackDirectory>();
        services.AddSingleton<SlackReplier>();
        services.AddSingleton<SlackInbound>();
        services.AddSingleton<SlackChatChannel>();
        services.AddSingleton<IChatChannel>(sp => sp.GetRequiredService<SlackChatChannel>());
        services.AddSingleton<IDirectory>(sp => sp.GetRequiredService<SlackDirectory>());
        services.AddHostedService<SlackWorker>();
        if (options.Mode == SlackMode.Socket)
        {
            services.AddSingleton<SocketModeService>();
            services.AddHostedService(sp => sp.GetRequiredService<SocketModeService>());
        }
        return services;
    }
}
