namespace Allometry.Adapters.Graph;

using Allometry.Core.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

/// <summary>Registers the Microsoft Graph directory for Teams users from the <c>Graph:</c> configuration section.</summary>
public static class GraphServiceCollectionExtensions
{
    internal const string HttpClientName = "Allometry.Graph";

    /// <summary>
    /// Adds an <see cref="IDirectory"/> for Teams backed by Microsoft Graph when a client id is configured
    /// (<c>Graph:ClientId</c>, or the bot's <c>Teams:AppId</c>). Without one nothing is registered and
    /// Teams users are linked by an administrator instead; a half configuration fails here, naming the key.
    /// </summary>
    public static IServiceCollection AddGraphDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (GraphOptionsReader.Read(configuration) is not { } options) return services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddSingleton(sp =>
        {
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            var time = sp.GetRequiredService<TimeProvider>();
            var client = new GraphClient(http, new GraphTokenSource(http, options, time), options, time, sp.GetRequiredService<ILogger<GraphClient>>());
            return new GraphDirectory(client, options, time, sp.GetRequiredService<ILogger<GraphDirectory>>());
        });
        services.AddSingleton<IDirectory>(sp => sp.GetRequiredService<GraphDirectory>());
        return services;
    }
}
