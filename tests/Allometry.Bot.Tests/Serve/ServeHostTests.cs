namespace Allometry.Bot.Tests.Serve;

using System.Net;
using System.Text.Json;
using Allometry.Bot.Serve;
using Allometry.Core.Postgres.Server;
using Allometry.Testing;
using Microsoft.Extensions.Configuration;

[Collection(PostgresCollection.Name)]
public sealed class ServeHostTests(PostgresFixture postgres) : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("allometry-serve-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_home, recursive: true);
    }

    private IConfiguration Config(string connectionString) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Allometry"] = connectionString,
        ["Allometry:Home"] = _home,
        ["urls"] = "http://127.0.0.1:0",
        ["Allometry:Scheduler:CheckinInterval"] = "00:00:01",
        ["Allometry:Scheduler:CheckinMisfireThreshold"] = "00:00:02",
    }).Build();

    [Fact]
    public async Task StartAsync_PortZeroOnLoopback_HealthAndReadinessAnswer()
    {
        // Arrange
        await using var database = await postgres.CreateDatabaseAsync(migrate: false);

        // Act (the host migrates the empty database itself)
        await using var host = await ServeHost.StartAsync(Config(database.ConnectionString), CancellationToken.None);
        var address = Assert.Single(host.Addresses);
        var health = await _http.GetAsync(new Uri(address, "/healthz"));
        var ready = await _http.GetAsync(new Uri(address, "/readyz"));

        // Assert
        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("ready", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task StartAsync_InvalidKey_StopsBeforeStartingAndNamesTheKey()
    {
        // Arrange
        var config = new ConfigurationBuilder().AddConfiguration(Config(postgres.ConnectionString))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Allometry:Scheduler:TimeZone"] = "Nowhere/Atlantis" }).Build();

        // Act
        var error = await Assert.ThrowsAsync<HostConfigurationException>(() => ServeHost.StartAsync(config, CancellationToken.None));

        // Assert
        Assert.Equal("Allometry:Scheduler:TimeZone", error.Key);
        Assert.Contains("Nowhere/Atlantis", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_TeamsHalfConfigured_StopsNamingTheMissingKey()
    {
        // Arrange: an app id without its secret.
        var config = new ConfigurationBuilder().AddConfiguration(Config(postgres.ConnectionString))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Teams:AppId"] = "00000000-0000-0000-0000-000000000001" }).Build();

        // Act
        var error = await Assert.ThrowsAsync<HostConfigurationException>(() => ServeHost.StartAsync(config, CancellationToken.None));

        // Assert
        Assert.Equal("Teams", error.Key);
        Assert.Contains("Teams:AppPassword", error.English, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_TeamsConfigured_MessagesEndpointMappedAndRefusesAnonymousCalls()
    {
        // Arrange
        await using var database = await postgres.CreateDatabaseAsync();
        var config = new ConfigurationBuilder().AddConfiguration(Config(database.ConnectionString))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Teams:AppId"] = "00000000-0000-0000-0000-000000000001",
                ["Teams:AppPassword"] = "not-a-real-secret",
            }).Build();
        await using var host = await ServeHost.StartAsync(config, CancellationToken.None);
        var address = Assert.Single(host.Addresses);

        // Act
        using var content = new StringContent("""{"type":"message","text":"hi"}""", System.Text.Encoding.UTF8, "application/json");
        var anonymous = await _http.PostAsync(new Uri(address, "/api/messages"), content);
        var missing = await _http.GetAsync(new Uri(address, "/api/nothing-here"));

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task StartAsync_SlackHalfConfigured_StopsNamingTheKey()
    {
        // Arrange: a bot token but no signing secret for HTTP mode.
        var config = new ConfigurationBuilder().AddConfiguration(Config(postgres.ConnectionString))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:BotToken"] = "xoxb-test" }).Build();

        // Act
        var error = await Assert.ThrowsAsync<HostConfigurationException>(() => ServeHost.StartAsync(config, CancellationToken.None));

        // Assert
        Assert.Equal("Slack", error.Key);
        Assert.Contains("Slack:SigningSecrets", error.English, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_SlackConfigured_EventsEndpointMappedAndRefusesUnsignedCalls()
    {
        // Arrange
        await using var database = await postgres.CreateDatabaseAsync();
        var config = new ConfigurationBuilder().AddConfiguration(Config(database.ConnectionString))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Slack:BotToken"] = "xoxb-test",
                ["Slack:SigningSecrets:0"] = "8f742231b10e8888abcd99yyyzzz85a5",
                ["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/",
            }).Build();
        await using var host = await ServeHost.StartAsync(config, CancellationToken.None);
        var address = Assert.Single(host.Addresses);

        // Act
        using var content = new StringContent("""{"type":"url_verification","challenge":"x"}""", System.Text.Encoding.UTF8, "application/json");
        var unsigned = await _http.PostAsync(new Uri(address, "/slack/events"), content);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }

    [Fact]
    public async Task Serve_InvalidEnvironmentVariable_ExitCode3WithTheKeyInBothLanguages()
    {
        // Arrange: a real process, configured as in production, through the environment.
        await using var process = HostProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Allometry"] = postgres.ConnectionString,
            ["ALLOMETRY_HOME"] = _home,
            ["Allometry__Scheduler__ThreadCount"] = "many",
        });

        // Act
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        // Assert
        Assert.Equal(3, exit);
        var output = string.Join('\n', process.Lines);
        Assert.Contains("Configuration 'Allometry:Scheduler:ThreadCount': must be a whole number", output, StringComparison.Ordinal);
        Assert.Contains("Configuration « Allometry:Scheduler:ThreadCount » : doit être un nombre entier", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_Sigterm_FinishesRunningJobsAndExitsZero()
    {
        // Arrange
        await using var database = await postgres.CreateDatabaseAsync();
        await using var process = HostProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Allometry"] = database.ConnectionString,
            ["ALLOMETRY_HOME"] = _home,
        });
        await process.WaitListeningAsync(TimeSpan.FromSeconds(90));

        // Act
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        // Assert
        Assert.Equal(0, exit);
        Assert.Single(process.Lines, l => l.Contains("stopped after its running jobs finished", StringComparison.Ordinal));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT count(*) FROM qrtz_fired_triggers"));
    }

    [Fact]
    public async Task Readyz_PostgresRestartedWhileServing_ReportsOutageThenRecoversWithin10Seconds()
    {
        // Arrange: a server of its own, so stopping it disturbs no other test.
        var options = PostgresServerOptions.ForTests();
        var server = await PostgresServer.StartAsync(options);
        PostgresServer? restarted = null;
        try
        {
            await using var host = await ServeHost.StartAsync(Config(server.ConnectionString), CancellationToken.None);
            var readyz = new Uri(Assert.Single(host.Addresses), "/readyz");
            Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(readyz)).StatusCode);

            // Act
            await server.StopAsync();
            var outage = await PollAsync(readyz, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(10));
            restarted = await PostgresServer.StartAsync(options);
            var started = DateTimeOffset.UtcNow;
            var recovered = await PollAsync(readyz, HttpStatusCode.OK, TimeSpan.FromSeconds(10));
            var took = DateTimeOffset.UtcNow - started;

            // Assert
            Assert.Equal(server.Port, restarted.Port);
            Assert.NotNull(outage);
            using (var json = JsonDocument.Parse(outage))
            {
                Assert.Equal("unavailable", json.RootElement.GetProperty("status").GetString());
                Assert.Equal("database", json.RootElement.GetProperty("check").GetString());
            }
            Assert.NotNull(recovered);
            Assert.True(took <= TimeSpan.FromSeconds(10), $"recovered after {took}");
        }
        finally
        {
            if (restarted is not null) await restarted.DisposeAsync();
            else await server.DisposeAsync();
        }
    }

    // Polls every 250 ms until the status is seen (returns the body) or the time is up (null).
    private async Task<string?> PollAsync(Uri uri, HttpStatusCode wanted, TimeSpan within)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                var response = await _http.GetAsync(uri);
                if (response.StatusCode == wanted) return await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException)
            {
                // The host itself never stops answering; a refused connection would be a failure below.
            }
            await Task.Delay(250);
        }
        return null;
    }
}
