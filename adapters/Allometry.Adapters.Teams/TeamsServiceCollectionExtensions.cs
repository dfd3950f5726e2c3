namespace Allometry.Adapters.Teams;

using Allometry.Adapters.Teams.Activities;
using Allometry.Adapters.Teams.Audience;
using Allometry.Adapters.Teams.Auth;
using Allometry.Adapters.Teams.Connector;
using Allometry.Adapters.Teams.Messages;
using Allometry.Core.Cards;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;

/// <summary>Registers the Microsoft Teams channel (Bot Framework protocol) from the <c>Teams:</c> configuration section.</summary>
public static class TeamsServiceCollectionExtensions
{
    /// <summary>HttpClient names, so a host can tune handlers (timeouts, proxies) per outside service.</summary>
    internal const string KeysClient = "Allometry.Teams.OpenId";
    internal const string TokenClient = "Allometry.Teams.Token";
    internal const string ConnectorHttpClient = "Allometry.Teams.Connector";

    /// <summary>
    /// Adds the Teams channel: <c>POST /api/messages</c> handling (map it with
    /// <see cref="TeamsEndpointRouteBuilderExtensions.MapTeamsEndpoints"/>), the connector client and an
    /// <see cref="IChatChannel"/> for Teams. Needs an <c>IConversation</c> and the one <see cref="NpgsqlDataSource"/>
    /// registered by the host (write blocks, the refresh audience).
    /// Invalid configuration fails here, naming the key.
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = TeamsOptionsReader.Read(configuration);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddHttpClient(KeysClient, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddHttpClient(TokenClient, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddHttpClient(ConnectorHttpClient, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton(sp => new OpenIdKeyStore(Client(sp, KeysClient), options, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OpenIdKeyStore>>()));
        services.AddSingleton<BotTokenValidator>();
        services.AddSingleton(sp => new BotAccessTokenSource(Client(sp, TokenClient), options, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ConnectorHostPolicy>();
        services.AddSingleton<ConnectorRetry>();
        services.AddSingleton(sp => new BlockedConversations(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ConnectorClient(Client(sp, ConnectorHttpClient), sp.GetRequiredService<BotAccessTokenSource>(),
            sp.GetRequiredService<ConnectorHostPolicy>(), sp.GetRequiredService<ConnectorRetry>(), sp.GetRequiredService<BlockedConversations>(),
            sp.GetRequiredService<ILogger<ConnectorClient>>()));
        services.AddSingleton<ConversationMembers>();
        services.AddSingleton(sp => new LinkedViewerStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<RefreshAudience>();
        services.AddSingleton<InstallationMemory>();
        services.AddSingleton<ActivityProcessor>();
        services.AddSingleton<ActivityWorkQueue>();
        services.AddHostedService<ActivityWorker>();
        services.AddSingleton<MessagesHandler>();
        services.AddSingleton<TeamsChatChannel>();
        services.AddSingleton<IChatChannel>(sp => sp.GetRequiredService<TeamsChatChannel>());
        // The local web chat is a Bot Framework channel too; its cards travel the same connector.
        services.AddSingleton<IChatChannel, WebChatChannel>();
        return services;
    }

    private static HttpClient Client(IServiceProvider sp, string name) => sp.GetRequiredService<IHttpClientFactory>().CreateClient(name);
}
