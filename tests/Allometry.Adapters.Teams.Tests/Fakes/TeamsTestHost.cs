namespace Allometry.Adapters.Teams.Tests.Fakes;

using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>The bot's side: a real Kestrel app on loopback with <c>AddTeams</c> and <c>MapTeamsEndpoints</c>.</summary>
internal sealed class TeamsTestHost : IAsyncDisposable
{
    private TeamsTestHost(WebApplication app, Uri baseUrl)
    {
        App = app;
        BaseUrl = baseUrl;
        Client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public Uri BaseUrl { get; }

    public HttpClient Client { get; }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Configuration pointing every Bot Framework URL at <paramref name="fake"/>; fast retries.</summary>
    public static Dictionary<string, string?> ConfigFor(FakeBotFramework fake, bool localMode = false) => new()
    {
        ["Teams:AppId"] = localMode ? null : TestTokens.AppId,
        ["Teams:AppPassword"] = localMode ? null : "test-secret-not-real",
        ["Teams:OpenIdMetadataUrl"] = fake.MetadataUrl.ToString(),
        ["Teams:TokenEndpoint"] = fake.TokenEndpoint,
        ["Teams:ConnectorAllowedHosts:0"] = "127.0.0.1",
        ["Teams:MaxBodyBytes"] = "65536",
        ["Teams:RetryBaseDelay"] = "00:00:00.050",
        ["Teams:RetryMaxDelay"] = "00:00:02",
        // A loaded test machine can take longer than production's 2 s to read a roster; the tests assert userIds.
        ["Teams:InvokeRosterWait"] = "00:00:30",
    };

    public static async Task<TeamsTestHost> StartAsync(IDictionary<string, string?> config, Action<IServiceCollection> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(config);
        configure(builder.Services);
        builder.Services.AddTeams(builder.Configuration);
        var app = builder.Build();
        app.MapTeamsEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TeamsTestHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public Task<HttpResponseMessage> PostAsync(string json, string? authorization, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
