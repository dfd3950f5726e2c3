namespace Allometry.Adapters.Teams.Tests.Fakes;

using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// The Bot Framework's side on loopback, speaking its wire format: OpenID metadata and a JWKS with
/// endorsements, the client-credentials token endpoint, and a connector under <see cref="ServiceUrl"/>
/// that records every call and can be scripted to fail (429 with Retry-After, 403 MessageWritesBlocked…).
/// </summary>
internal sealed class FakeBotFramework : IAsyncDisposable
{
    public const string TenantId = "50612dbb-0237-4969-b378-8d42590f9c00";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (RSA Key, string[] Endorsements)> _keys = new();
    private readonly ConcurrentQueue<ScriptedFailure> _failures = new();
    private int _activitySequence = 1000;
    private int _tokenSequence;

    private FakeBotFramework(WebApplication app, RSA key)
    {
        _app = app;
        Key = key;
        _keys[KeyId] = (key, ["msteams"]);
    }

    public string KeyId { get; } = "test-key-1";

    public RSA Key { get; }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Where activities say replies go (Teams' shape: a region and the tenant).</summary>
    public string ServiceUrl => BaseUrl + "amer/" + TenantId + "/";

    public Uri MetadataUrl => new(BaseUrl, "v1/.well-known/openidconfiguration");

    public string TokenEndpoint => BaseUrl + "{tenant}/oauth2/v2.0/token";

    public int MetadataFetches;

    public int JwksFetches;

    public ConcurrentQueue<RecordedCall> ConnectorCalls { get; } = new();

    /// <summary>The connector calls answered with success (scripted failures are left out).</summary>
    public ConcurrentQueue<RecordedCall> Delivered { get; } = new();

    public ConcurrentQueue<IReadOnlyDictionary<string, string>> TokenRequests { get; } = new();

    /// <summary>Each conversation's roster, served by <c>GET …/pagedmembers</c> (an unknown conversation has none).</summary>
    public ConcurrentDictionary<string, IReadOnlyList<JsonObject>> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>The most members one page holds (the connector's own cap is 500); small values exercise continuation.</summary>
    public int MembersPageSize { get; set; } = 500;

    /// <summary>When set, every roster read is answered with this instead.</summary>
    public ScriptedFailure? MembersFailure { get; set; }

    /// <summary>The roster reads, as (conversation id, continuation token).</summary>
    public ConcurrentQueue<(string Conversation, string? ContinuationToken)> MemberReads { get; } = new();

    /// <summary>A roster entry shaped like Teams' <c>TeamsChannelAccount</c>.</summary>
    public static JsonObject Member(string mri, string aadObjectId, string name) => new()
    {
        ["id"] = mri,
        ["name"] = name,
        ["aadObjectId"] = aadObjectId,
        ["givenName"] = name.Split(' ')[0],
        ["surname"] = name.Split(' ')[^1],
        ["email"] = name.Replace(' ', '.').ToLowerInvariant() + "@contoso.example",
        ["userPrincipalName"] = name.Replace(' ', '.').ToLowerInvariant() + "@contoso.example",
        ["tenantId"] = TenantId,
        ["userRole"] = "user",
    };

    public ConcurrentQueue<string> TokenTenants { get; } = new();

    public static async Task<FakeBotFramework> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotFramework(app, RSA.Create(2048));
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    public void PublishKey(string keyId, RSA key, params string[] endorsements) => _keys[keyId] = (key, endorsements);

    public void Fail(ScriptedFailure failure) => _failures.Enqueue(failure);

    /// <summary>Waits until at least <paramref name="count"/> calls were delivered successfully (bounded).</summary>
    public async Task<IReadOnlyList<RecordedCall>> WaitForDeliveredAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (Delivered.Count < count && DateTime.UtcNow < deadline) await Task.Delay(20);
        return [.. Delivered];
    }

    /// <summary>Waits for a successfully delivered call matching <paramref name="match"/> (bounded).</summary>
    public async Task<RecordedCall> WaitForDeliveredAsync(Func<RecordedCall, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (Delivered.FirstOrDefault(match) is { } call) return call;
            await Task.Delay(20);
        }
        throw new TimeoutException("no matching connector call was delivered");
    }

    /// <summary>Waits until at least <paramref name="count"/> connector calls arrived (bounded).</summary>
    public async Task<IReadOnlyList<RecordedCall>> WaitForCallsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (ConnectorCalls.Count < count && DateTime.UtcNow < deadline) await Task.Delay(20);
        return [.. ConnectorCalls];
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path == "/v1/.well-known/openidconfiguration")
        {
            Interlocked.Increment(ref MetadataFetches);
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["issuer"] = TestTokens.Issuer,
                ["jwks_uri"] = BaseUrl + "v1/.well-known/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            });
            return;
        }
        if (path == "/v1/.well-known/keys")
        {
            Interlocked.Increment(ref JwksFetches);
            await context.Response.WriteAsJsonAsync(Jwks());
            return;
        }
        if (path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            var form = await context.Request.ReadFormAsync();
            TokenRequests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            TokenTenants.Enqueue(path.Split('/')[1]);
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3599,
                ["access_token"] = "fake-bot-token-" + Interlocked.Increment(ref _tokenSequence),
            });
            return;
        }
        if (context.Request.Method == "GET" && path.EndsWith("/pagedmembers", StringComparison.Ordinal))
        {
            await MembersAsync(context);
            return;
        }
        if (path.Contains("/v3/conversations", StringComparison.Ordinal))
        {
            await ConnectorAsync(context);
            return;
        }
        context.Response.StatusCode = 404;
    }

    private async Task ConnectorAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var call = new RecordedCall(context.Request.Method, rawTarget, context.Request.Headers.Authorization.ToString(), body);
        ConnectorCalls.Enqueue(call);
        if (_failures.TryDequeue(out var failure))
        {
            context.Response.StatusCode = failure.Status;
            if (failure.RetryAfter is not null) context.Response.Headers.RetryAfter = failure.RetryAfter;
            if (failure.ErrorCode is not null)
            {
                await context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = new JsonObject { ["code"] = failure.ErrorCode, ["message"] = failure.ErrorMessage } });
            }
            return;
        }
        Delivered.Enqueue(call);
        var id = Interlocked.Increment(ref _activitySequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (context.Request.Method == "DELETE") return;
        if (rawTarget.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            var request = JsonNode.Parse(body)!;
            var channel = request["channelData"]?["channel"]?["id"]?.GetValue<string>();
            var created = channel is null ? "a:1chat-" + id : channel + ";messageid=" + id;
            await context.Response.WriteAsJsonAsync(new JsonObject { ["id"] = created, ["activityId"] = id, ["serviceUrl"] = ServiceUrl });
            return;
        }
        await context.Response.WriteAsJsonAsync(new JsonObject { ["id"] = id });
    }

    // GET v3/conversations/{id}/pagedmembers?pageSize=&continuationToken= → {members, continuationToken}.
    private async Task MembersAsync(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var start = rawTarget.IndexOf("/v3/conversations/", StringComparison.Ordinal) + "/v3/conversations/".Length;
        var conversation = Uri.UnescapeDataString(rawTarget[start..rawTarget.IndexOf("/pagedmembers", StringComparison.Ordinal)]);
        var token = context.Request.Query["continuationToken"].ToString();
        MemberReads.Enqueue((conversation, token.Length == 0 ? null : token));
        if (MembersFailure is { } failure)
        {
            context.Response.StatusCode = failure.Status;
            await context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = new JsonObject { ["code"] = failure.ErrorCode, ["message"] = failure.ErrorMessage } });
            return;
        }
        var asked = int.TryParse(context.Request.Query["pageSize"], out var size) ? size : 500;
        var pageSize = Math.Min(asked, MembersPageSize);
        var offset = token.StartsWith("offset-", StringComparison.Ordinal) ? int.Parse(token[7..], System.Globalization.CultureInfo.InvariantCulture) : 0;
        var all = Members.TryGetValue(conversation, out var roster) ? roster : [];
        var page = new JsonObject { ["members"] = new JsonArray([.. all.Skip(offset).Take(pageSize).Select(m => (JsonNode)m.DeepClone())]) };
        if (offset + pageSize < all.Count) page["continuationToken"] = "offset-" + (offset + pageSize).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await context.Response.WriteAsJsonAsync(page);
    }

    private JsonObject Jwks() => new()
    {
        ["keys"] = new JsonArray([.. _keys.Select(k =>
        {
            var p = k.Value.Key.ExportParameters(includePrivateParameters: false);
            return (JsonNode)new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = k.Key,
                ["n"] = Base64Url.EncodeToString(p.Modulus),
                ["e"] = Base64Url.EncodeToString(p.Exponent),
                ["endorsements"] = new JsonArray([.. k.Value.Endorsements.Select(e => (JsonNode)e)]),
            };
        })]),
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Key.Dispose();
    }
}
