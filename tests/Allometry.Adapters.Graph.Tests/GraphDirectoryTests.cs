namespace Allometry.Adapters.Graph.Tests;

using System.Text.Json.Nodes;
using Allometry.Adapters.Graph.Tests.Fakes;
using Allometry.Core.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

/// <summary>The Graph directory against a loopback Graph: lookups, caching, throttling, refusals.</summary>
public sealed class GraphDirectoryTests : IAsyncLifetime
{
    private const string Tenant = "50612dbb-0237-4969-b378-8d42590f9c00";
    private const string UserId = "b15a9416-0ad3-4172-9210-7beb711d3f70";
    private static readonly PlatformIdentity Rido = new(Platform.Teams, Tenant, UserId);

    private readonly RecordingTimeProvider _clock = new();
    private FakeGraph _graph = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraph.StartAsync();
        _graph.Users[UserId] = new JsonObject
        {
            ["id"] = UserId,
            ["displayName"] = "Rido Tremblay",
            ["mail"] = "rido@tremblay-construction.example",
            ["userPrincipalName"] = "rido@tremblay.onmicrosoft.example",
            ["preferredLanguage"] = "fr-CA",
        };
        _services = Build(_graph.Config());
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _graph.DisposeAsync();
    }

    private ServiceProvider Build(Dictionary<string, string?> config)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddGraphDirectory(new ConfigurationBuilder().AddInMemoryCollection(config).Build());
        return services.BuildServiceProvider();
    }

    private IDirectory Directory => _services.GetRequiredService<IDirectory>();

    [Fact]
    public async Task FindUserAsync_KnownUser_ReadsMailNameAndLanguageWithTheTenantsToken()
    {
        // Act
        var user = await Directory.FindUserAsync(Rido, CancellationToken.None);

        // Assert
        Assert.Equal(new DirectoryUser("rido@tremblay-construction.example", "Rido Tremblay", "fr-CA"), user);
        var (target, authorization) = Assert.Single(_graph.Requests);
        Assert.Equal("/v1.0/users/" + UserId + "?$select=id,displayName,mail,userPrincipalName,preferredLanguage", target);
        Assert.Equal("Bearer graph-token-1", authorization);
        var (tenant, form) = Assert.Single(_graph.TokenRequests);
        Assert.Equal(Tenant, tenant);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal("https://graph.microsoft.com/.default", form["scope"]);
        Assert.Equal(Platform.Teams, Directory.Platform);
    }

    [Fact]
    public async Task FindUserAsync_AskedTwice_AsksGraphOnceUntilTheCacheExpires()
    {
        // Act
        await Directory.FindUserAsync(Rido, CancellationToken.None);
        await Directory.FindUserAsync(Rido, CancellationToken.None);
        var cachedCount = _graph.Requests.Count;
        _clock.Advance(TimeSpan.FromMinutes(61));
        await Directory.FindUserAsync(Rido, CancellationToken.None);

        // Assert
        Assert.Equal(1, cachedCount);
        Assert.Equal(2, _graph.Requests.Count);
    }

    [Fact]
    public async Task FindUserAsync_UnknownUser_ReturnsNull()
    {
        // Act
        var user = await Directory.FindUserAsync(Rido with { UserId = "00000000-0000-0000-0000-000000000000" }, CancellationToken.None);

        // Assert
        Assert.Null(user);
        Assert.Single(_graph.Requests);
    }

    [Fact]
    public async Task FindUserAsync_SlackIdentity_DoesNotAskGraph()
    {
        // Act
        var user = await Directory.FindUserAsync(new PlatformIdentity(Platform.Slack, "T111", "W111"), CancellationToken.None);

        // Assert
        Assert.Null(user);
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task FindUserAsync_ThrottledTwice_WaitsRetryAfterAndAnswers()
    {
        // Arrange
        _graph.ThrottleRetryAfter.Enqueue("2");
        _graph.ThrottleRetryAfter.Enqueue("3");

        // Act
        var user = await Directory.FindUserAsync(Rido, CancellationToken.None);

        // Assert
        Assert.Equal("rido@tremblay-construction.example", user!.Email);
        Assert.Equal(3, _graph.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)], _clock.RequestedDelays);
    }

    [Fact]
    public async Task FindUserAsync_ThrottledOnEveryAttempt_ThrowsAndCachesNothing()
    {
        // Arrange
        for (var i = 0; i < 4; i++) _graph.ThrottleRetryAfter.Enqueue("60");

        // Act
        await Assert.ThrowsAsync<GraphUnavailableException>(() => Directory.FindUserAsync(Rido, CancellationToken.None));
        var after = await Directory.FindUserAsync(Rido, CancellationToken.None);

        // Assert: waits capped at Graph:RetryMaxDelay (5 s); the next call asks again and succeeds.
        Assert.All(_clock.RequestedDelays, d => Assert.Equal(TimeSpan.FromSeconds(5), d));
        Assert.NotNull(after);
        Assert.Equal(5, _graph.Requests.Count);
    }

    [Fact]
    public async Task FindManagerEmailAsync_ManagerKnown_ReturnsTheirMail()
    {
        // Arrange
        _graph.Managers[UserId] = new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["mail"] = "boss@tremblay-construction.example" };

        // Act
        var manager = await Directory.FindManagerEmailAsync(Rido, CancellationToken.None);

        // Assert
        Assert.Equal("boss@tremblay-construction.example", manager);
        Assert.StartsWith("/v1.0/users/" + UserId + "/manager", Assert.Single(_graph.Requests).Target, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindManagerEmailAsync_GraphRefuses403_ReturnsNullOnceAndCachesTheRefusal()
    {
        // Arrange
        _graph.ManagerForbidden = true;

        // Act
        var first = await Directory.FindManagerEmailAsync(Rido, CancellationToken.None);
        var second = await Directory.FindManagerEmailAsync(Rido, CancellationToken.None);

        // Assert
        Assert.Null(first);
        Assert.Null(second);
        Assert.Single(_graph.Requests);
    }

    [Fact]
    public async Task FindUserAsync_SingleTenantConfigured_AsksThatTenantForTokens()
    {
        // Arrange
        const string Home = "11111111-2222-3333-4444-555555555555";
        await using var services = Build(_graph.Config(tenantId: Home));

        // Act
        await services.GetRequiredService<IDirectory>().FindUserAsync(Rido, CancellationToken.None);

        // Assert
        Assert.Equal(Home, Assert.Single(_graph.TokenRequests).Tenant);
    }
}
