namespace Allometry.Bot.Tests.EndToEnd;

using Allometry.Bot.Demo;
using Allometry.Bot.Serve;
using Allometry.Core.Localization;
using Allometry.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

/// <summary>
/// What <c>./allometry demo</c> runs, on a fresh test database: the host with the local Direct Line
/// channel on a loopback port, the sample operator loaded, and a headless Debian Chromium driven by
/// Playwright (never a downloaded browser). Screenshots go to <see cref="ArtifactsDirectory"/>.
/// </summary>
internal sealed class DemoWebChatHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly ServeHost _host;
    private readonly IPlaywright _playwright;
    private readonly string _home;

    private DemoWebChatHost(TestDatabase database, ServeHost host, IPlaywright playwright, IBrowser browser, string home)
    {
        _database = database;
        _host = host;
        _playwright = playwright;
        Browser = browser;
        _home = home;
    }

    public IBrowser Browser { get; }

    public Uri BaseAddress => _host.Addresses[0];

    public TestDatabase Database => _database;

    /// <summary>Where each step's screenshot is written: the test run's artifacts, or <c>ALLOMETRY_E2E_SCREENSHOTS</c>.</summary>
    public static string ArtifactsDirectory { get; } =
        Environment.GetEnvironmentVariable("ALLOMETRY_E2E_SCREENSHOTS") is { Length: > 0 } chosen ? chosen : Path.Combine(AppContext.BaseDirectory, "e2e-screenshots");

    public static async Task<DemoWebChatHost> StartAsync(PostgresFixture postgres)
    {
        var database = await postgres.CreateDatabaseAsync();
        var home = Directory.CreateTempSubdirectory("allometry-e2e-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(DemoConfiguration.Build(home, database.ConnectionString, "http://127.0.0.1:0"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Allometry:Scheduler:Enabled"] = "false" })
            .Build();
        var host = await ServeHost.StartAsync(configuration, CancellationToken.None);
        await DemoSetup.PrepareAsync(host.Services.GetRequiredService, Path.Combine(home, "sample"), reset: false, Language.En, CancellationToken.None);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("ALLOMETRY_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // The flags this machine needs: no sandbox as root, and no background connections to a closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ArtifactsDirectory);
        return new DemoWebChatHost(database, host, playwright, browser, home);
    }

    /// <summary>Opens the page as one of the sample people, in English or French.</summary>
    public async Task<WebChatPage> OpenAsync(string personaName, string language = "en")
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        await page.GotoAsync(new Uri(BaseAddress, "webchat?lang=" + language).ToString());
        await page.Locator("#personas button", new PageLocatorOptions { HasTextString = personaName }).ClickAsync();
        await page.Locator("[data-id=webchat-sendbox-input]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        return new WebChatPage(page);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _host.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_home, recursive: true);
    }
}
