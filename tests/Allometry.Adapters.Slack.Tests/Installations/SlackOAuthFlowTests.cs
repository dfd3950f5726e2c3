namespace Allometry.Adapters.Slack.Tests.Installations;

using System.Net;
using Allometry.Adapters.Slack.Installations;
using Allometry.Adapters.Slack.Tests.Fakes;
using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Testing;
using Dapper;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

/// <summary>The OAuth v2 install through HTTP: signed state and cookie, code exchange, token encrypted at rest and used for posts.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SlackOAuthFlowTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string InstalledToken = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
    private FakeSlack _slack = null!;
    private SlackTestHost _host = null!;
    private TestDatabase _database = null!;
    private HttpClient _browser = null!;

    public async Task InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync();
        _slack = await FakeSlack.StartAsync();
        _host = await SlackTestHost.StartAsync(_slack, _database.DataSource, new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = null,
            ["Slack:ClientId"] = "3336676.569200954261",
            ["Slack:ClientSecret"] = "client-secret-for-tests",
            ["Slack:PublicBaseUrl"] = "https://bot.example.com",
            ["Slack:TokenEncryptionKey"] = SlackTestHost.EncryptionKey,
        });
        _browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _host.BaseUrl };
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Callback_AfterInstall_StoresTokenEncryptedAndPostsWithIt()
    {
        // Arrange
        var (state, cookie) = await StartInstallAsync();

        // Act
        using var callback = await CallbackAsync($"code=good-code&state={Uri.EscapeDataString(state)}", cookie);

        // Assert
        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        var exchange = await _slack.WaitForAsync("oauth.v2.access");
        Assert.StartsWith("Basic ", exchange.Authorization, StringComparison.Ordinal);
        Assert.Equal("good-code", exchange.Body["code"]!.GetValue<string>());
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<string>("SELECT t::text FROM slack_installations t WHERE team_id = 'T9TK3CUKW'");
        Assert.DoesNotContain("pdFZKVeTuE8sk7oOcBrzbqgy", row, StringComparison.Ordinal);
        var hex = Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(InstalledToken));
        Assert.DoesNotContain(hex, row, StringComparison.Ordinal);
        Assert.Equal(InstalledToken, await _host.Services.GetRequiredService<SlackTokenSource>().BotTokenAsync("T9TK3CUKW", CancellationToken.None));
        var channel = _host.Services.GetRequiredService<IChatChannel>();
        var card = NoticeCards.Information(Language.En, new LocalizedText("Hello", "Bonjour"));
        await channel.PostAsync(new ChannelAddress(Platform.Slack, "T9TK3CUKW", "C111"), card, CancellationToken.None);
        var post = await _slack.WaitForAsync("chat.postMessage");
        Assert.Equal("Bearer " + InstalledToken, post.Authorization);
    }

    [Fact]
    public async Task Callback_ForgedState_RefusedAndNothingStored()
    {
        var (_, cookie) = await StartInstallAsync();

        using var callback = await CallbackAsync("code=good-code&state=forged.9999999999.AAAA", cookie);

        Assert.Equal(HttpStatusCode.BadRequest, callback.StatusCode);
        Assert.DoesNotContain(_slack.Calls, c => c.Method == "oauth.v2.access");
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM slack_installations"));
    }

    [Fact]
    public async Task Callback_FromAnotherBrowser_Refused()
    {
        var (state, _) = await StartInstallAsync();

        using var callback = await CallbackAsync($"code=good-code&state={Uri.EscapeDataString(state)}", cookie: null);

        Assert.Equal(HttpStatusCode.BadRequest, callback.StatusCode);
        Assert.DoesNotContain(_slack.Calls, c => c.Method == "oauth.v2.access");
    }

    [Fact]
    public async Task PostAsync_WorkspaceNeverInstalled_IsPermanentDeliveryFailure()
    {
        var channel = _host.Services.GetRequiredService<IChatChannel>();
        var card = NoticeCards.Information(Language.En, new LocalizedText("Hello", "Bonjour"));

        var error = await Assert.ThrowsAsync<ChannelDeliveryException>(() =>
            channel.PostAsync(new ChannelAddress(Platform.Slack, "TNOTHERE", "C111"), card, CancellationToken.None));

        Assert.True(error.Permanent);
        Assert.Empty(_slack.Calls);
    }

    private async Task<(string State, string Cookie)> StartInstallAsync()
    {
        using var install = await _browser.GetAsync(SlackSurface.InstallPath);
        Assert.Equal(HttpStatusCode.Redirect, install.StatusCode);
        var location = install.Headers.Location!;
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("3336676.569200954261", query["client_id"].ToString());
        Assert.Equal(string.Join(',', SlackSurface.BotScopes), query["scope"].ToString());
        Assert.Equal("https://bot.example.com/slack/oauth/callback", query["redirect_uri"].ToString());
        var cookie = install.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        return (query["state"].ToString(), cookie);
    }

    private async Task<HttpResponseMessage> CallbackAsync(string query, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SlackSurface.OAuthCallbackPath + "?" + query);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        return await _browser.SendAsync(request);
    }
}
