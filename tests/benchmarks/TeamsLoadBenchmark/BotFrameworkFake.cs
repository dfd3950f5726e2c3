namespace Allometry.Benchmarks.TeamsLoad;

using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// The Bot Framework on loopback for the load test: OpenID metadata + JWKS (one RSA key endorsed for msteams),
/// the token endpoint, and a connector that timestamps each reply by the activity it answers.
/// </summary>
internal sealed class BotFrameworkFake : IAsyncDisposable
{
    public const string AppId = "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8";
    public const string KeyId = "bench-key";

    private readonly WebApplication _app;

    private BotFrameworkFake(WebApplication app) => _app = app;

    public RSA Key { get; } = RSA.Create(2048);

    public Uri BaseUrl { get; private set; } = null!;

    public string ServiceUrl => BaseUrl + "amer/bench/";

    /// <summary>Activity id replied to → when the reply arrived (Stopwatch timestamp).</summary>
    public ConcurrentDictionary<string, long> Replies { get; } = new(StringComparer.Ordinal);

    public static async Task<BotFrameworkFake> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new BotFrameworkFake(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>A token as the channel sends it, valid for an hour (the channel reuses one token across requests).</summary>
    public string Token()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Encode(new JsonObject { ["alg"] = "RS256", ["kid"] = KeyId, ["typ"] = "JWT" });
        var claims = Encode(new JsonObject
        {
            ["serviceurl"] = ServiceUrl, ["nbf"] = now - 60, ["exp"] = now + 3600, ["iss"] = "https://api.botframework.com", ["aud"] = AppId,
        });
        var signature = Key.SignData(Encoding.ASCII.GetBytes(header + "." + claims), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + claims + "." + Base64Url.EncodeToString(signature);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path == "/openid")
        {
            await context.Response.WriteAsJsonAsync(new JsonObject { ["jwks_uri"] = BaseUrl + "keys" });
            return;
        }
        if (path == "/keys")
        {
            var p = Key.ExportParameters(false);
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["keys"] = new JsonArray(new JsonObject
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["kid"] = KeyId,
                    ["n"] = Base64Url.EncodeToString(p.Modulus), ["e"] = Base64Url.EncodeToString(p.Exponent),
                    ["endorsements"] = new JsonArray("msteams"),
                }),
            });
            return;
        }
        if (path.EndsWith("/token", StringComparison.Ordinal))
        {
            await context.Response.WriteAsJsonAsync(new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3599, ["access_token"] = "bench-token" });
            return;
        }
        // POST …/v3/conversations/{id}/activities/{replyToId}
        var arrived = Stopwatch.GetTimestamp();
        await context.Request.Body.CopyToAsync(Stream.Null);
        Replies.TryAdd(Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]), arrived);
        await context.Response.WriteAsJsonAsync(new JsonObject { ["id"] = "r" + arrived });
    }

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Key.Dispose();
    }
}
