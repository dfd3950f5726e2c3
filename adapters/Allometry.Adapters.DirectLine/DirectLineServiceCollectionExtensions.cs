namespace Allometry.Adapters.DirectLine;

using Allometry.Adapters.DirectLine.Conversations;
using Allometry.Adapters.DirectLine.Endpoints;
using Allometry.Adapters.DirectLine.Relay;
using Allometry.Adapters.DirectLine.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the local Direct Line channel and its Web Chat page.</summary>
public static class DirectLineServiceCollectionExtensions
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration, Action<DirectLineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.Section))
            .Validate(o => o.TokenLifetimeSeconds is >= 60 and <= 86_400, "DirectLine:TokenLifetimeSeconds must be between 60 and 86400.")
            .Validate(o => o.MaxConversations > 0 && o.MaxActivitiesPerConversation > 0, "DirectLine:MaxConversations and MaxActivitiesPerConversation must be positive.")
            .Validate(o => o.BotEndpoint is null || Uri.TryCreate(o.BotEndpoint, UriKind.Absolute, out _), "DirectLine:BotEndpoint must be an absolute URL.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<ConversationRegistry>();
        services.AddSingleton<WebChatBundle>();
        services.AddHttpClient<BotRelay>(BotRelay.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        return services;
    }
}
