namespace Allometry.Adapters.Slack.Tests.Channel;

using Allometry.Adapters.Slack.Channel;
using Allometry.Adapters.Slack.Configuration;
using Allometry.Adapters.Slack.Installations;
using Allometry.Adapters.Slack.Tests.Fakes;
using Allometry.Adapters.Slack.WebApi;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

public sealed class SlackDirectoryTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private HttpClient _http = null!;
    private SlackDirectory _directory = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _http = new HttpClient();
        var options = new SlackOptions { ApiBaseUrl = _slack.ApiBaseUrl, BotToken = "xoxb-directory" };
        var api = new SlackWebApi(new SlackWebApiClient(_http, options, TimeProvider.System, NullLogger<SlackWebApiClient>.Instance),
            new ChannelPostThrottle(TimeProvider.System));
        _directory = new SlackDirectory(api, new SlackTokenSource(options, new ServiceCollection().BuildServiceProvider(), TimeProvider.System), TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task FindUserAsync_KnownUser_VerifiedEmailAndLocale()
    {
        _slack.Users["U0MARIE"] = ("marie.tremblay@example.com", "fr-CA");

        var user = await _directory.FindUserAsync(new PlatformIdentity(Platform.Slack, "T111", "U0MARIE"), CancellationToken.None);

        Assert.NotNull(user);
        Assert.Equal("marie.tremblay@example.com", user.Email);
        Assert.Equal("fr-CA", user.PreferredLanguage);
        Assert.Equal(Language.Fr, await _directory.LanguageOfAsync(new PlatformIdentity(Platform.Slack, "T111", "U0MARIE"), CancellationToken.None));
        Assert.Single(_slack.Calls, c => c.Method == "users.info");
    }

    [Fact]
    public async Task FindUserAsync_UnknownUser_Null()
    {
        var user = await _directory.FindUserAsync(new PlatformIdentity(Platform.Slack, "T111", "U0NOBODY"), CancellationToken.None);

        Assert.Null(user);
    }

    [Fact]
    public async Task FindUserAsync_AnotherPlatform_NullWithoutCallingSlack()
    {
        var user = await _directory.FindUserAsync(new PlatformIdentity(Platform.Teams, "tenant", "aad-object-id"), CancellationToken.None);

        Assert.Null(user);
        Assert.Empty(_slack.Calls);
    }
}
