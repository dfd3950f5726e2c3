namespace Allometry.Adapters.Slack.Tests.Fakes;

using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Allometry.Adapters.Slack.Security;
using Allometry.Core.Postgres;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

/// <summary>
/// The bot's Slack side on a real Kestrel at 127.0.0.1:0, with the real PostgreSQL stores and
/// conversation, configured to call <see cref="FakeSlack"/>; helpers sign requests as Slack does.
/// </summary>
internal sealed class SlackTestHost : IAsyncDisposable
{
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string OldSecret = "0ld5ecret0ld5ecret0ld5ecret0ld5e";
    public const string BotToken = "xoxb-test-bot-token-0123456789";
    public const string AppToken = "xapp-1-A0KRD7HC3-test-app-token";
    public const string EncryptionKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private readonly WebApplication _app;

    private SlackTestHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = baseUrl };
    }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<SlackTestHost> StartAsync(FakeSlack slack, NpgsqlDataSource dataSource, IDictionary<string, string?>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(slack);
        var settings = new Dictionary<string, string?>
        {
            ["Slack:Mode"] = "Http",
            ["Slack:SigningSecrets:0"] = Secret,
            ["Slack:SigningSecrets:1"] = OldSecret,
            ["Slack:BotToken"] = BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri,
            ["Slack:AuthorizeUrl"] = new Uri(slack.Root, "oauth/v2/authorize").AbsoluteUri,
            ["Slack:SocketReconnectDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddAllometryPostgres();
        builder.Services.AddSlack(builder.Configuration);
        var app = builder.Build();
        app.MapSlackEndpoints();
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new SlackTestHost(app, new Uri(address));
    }

    public static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Posts <paramref name="body"/> signed as Slack would (secret, timestamp) with the given content type.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType, string? secret = Secret, string? timestamp = null,
        Action<HttpRequestMessage>? tweak = null)
    {
        var ts = timestamp ?? Now();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackSignature.TimestampHeader, ts);
        if (secret is not null)
        {
            request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(secret, ts, Encoding.UTF8.GetBytes(body)));
        }
        tweak?.Invoke(request);
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostEventAsync(string json) => PostSignedAsync(SlackSurface.EventsPath, json, "application/json");

    public Task<HttpResponseMessage> PostInteractionAsync(string payloadJson) =>
        PostSignedAsync(SlackSurface.InteractivityPath, "payload=" + Uri.EscapeDataString(payloadJson), "application/x-www-form-urlencoded");

    public Task<HttpResponseMessage> PostCommandAsync(IDictionary<string, string> fields) =>
        PostSignedAsync(SlackSurface.CommandsPath, string.Join('&', fields.Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value))),
            "application/x-www-form-urlencoded");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
