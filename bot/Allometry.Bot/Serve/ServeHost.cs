namespace Allometry.Bot.Serve;

using Allometry.Adapters.DirectLine;
using Allometry.Adapters.Graph;
using Allometry.Adapters.Ledger;
using Allometry.Adapters.Slack;
using Allometry.Adapters.Teams;
using Allometry.Bot.Hosting;
using Allometry.Bot.Imports;
using Allometry.Bot.Outbox;
using Allometry.Bot.Scheduling;
using Allometry.Core.Postgres;
using Allometry.Core.Postgres.Migrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>
/// The composition of <c>allometry serve</c>: the database (configured, or the private server),
/// migrations, the stores, the clustered scheduler, the health endpoints and — when configured —
/// the platform adapters' endpoints, in one ASP.NET Core minimal-API application.
/// </summary>
internal sealed class ServeHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Database _database;

    private ServeHost(WebApplication app, Database database, IReadOnlyList<Uri> addresses)
    {
        _app = app;
        _database = database;
        Addresses = addresses;
    }

    /// <summary>The addresses Kestrel bound (the real port when the configured one was 0).</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Where the data lives, for the start-up log line (no password).</summary>
    public string DatabaseDescription => _database.Description;

    /// <summary>
    /// Validates <paramref name="configuration"/>, opens and migrates the database, and starts
    /// the application. Throws <see cref="HostConfigurationException"/> before anything starts
    /// when a key is wrong.
    /// </summary>
    public static async Task<ServeHost> StartAsync(IConfiguration configuration, CancellationToken ct)
    {
        var settings = HostConfiguration.Read(configuration);
        var database = await Database.OpenAsync(new AllometryHome(settings.Home), settings.ConnectionString, ct).ConfigureAwait(false);
        try
        {
            await new Migrator(database.DataSource).MigrateAsync(ct).ConfigureAwait(false);
            var app = Build(configuration, settings, database);
            try
            {
                await app.StartAsync(ct).ConfigureAwait(false);
            }
            catch (Microsoft.Extensions.Options.OptionsValidationException e)
            {
                // An adapter's options validated at start (ValidateOnStart): same contract as ours, the key named.
                await app.DisposeAsync().ConfigureAwait(false);
                throw new HostConfigurationException(e.OptionsName is { Length: > 0 } name && name != Microsoft.Extensions.Options.Options.DefaultName ? name : "DirectLine",
                    string.Join("; ", e.Failures), "configuration refusée : " + string.Join("; ", e.Failures));
            }
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                .Select(a => new Uri(a)).ToList() ?? [];
            return new ServeHost(app, database, addresses);
        }
        catch
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static WebApplication Build(IConfiguration configuration, ServeSettings settings, Database database)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseKestrelCore().UseUrls(settings.Urls);
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.ShutdownTimeout);
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        // One JSON object per line: structured for a log shipper, and only what the code logs —
        // no request bodies, no headers, no connection strings.
        builder.Logging.AddJsonConsole(o => o.IncludeScopes = false);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(database.DataSource);
        services.AddAllometryPostgres();
        services.AddLedgerFiles();
        services.AddSingleton<ImportService>();
        services.AddAllometryScheduling(settings.Scheduler);
        services.AddSingleton<IScheduledCardPublisher, ScheduledCardOutbox>();
        AddOutbox(services, configuration);
        services.AddSingleton<ReadinessProbe>();
        services.AddHostedService<TenantSettingsListener>();

        var platforms = AddPlatforms(services, configuration);

        var app = builder.Build();
        if (platforms.Contains("DirectLine")) app.UseWebSockets();
        app.UseRouting();
        app.MapHealthEndpoints();
        app.MapLegalPages();
        if (platforms.Contains("Teams")) app.MapTeamsEndpoints();
        if (platforms.Contains("Slack")) app.MapSlackEndpoints();
        if (platforms.Contains("DirectLine")) app.MapDirectLineEndpoints();
        return app;
    }

    // The jobs enqueue into the outbox; its dispatcher delivers through the platforms served here.
    private static void AddOutbox(IServiceCollection services, IConfiguration configuration)
    {
        try
        {
            services.AddOutboxDispatcher(configuration);
        }
        catch (InvalidOperationException e)
        {
            throw new HostConfigurationException("Outbox", e.Message, "configuration refusée : " + e.Message);
        }
    }

    // Each platform only when its section is configured; an adapter that rejects its section
    // (a half configuration) stops the host with the key it named.
    private static HashSet<string> AddPlatforms(IServiceCollection services, IConfiguration configuration)
    {
        var served = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in HostConfiguration.ServedSections.Where(s => HostConfiguration.IsConfigured(configuration, s)))
        {
            try
            {
                _ = section switch
                {
                    "Teams" => services.AddTeams(configuration),
                    "Slack" => services.AddSlack(configuration),
                    "Graph" => services.AddGraphDirectory(configuration),
                    "DirectLine" => services.AddDirectLine(configuration),
                    _ => throw new InvalidOperationException("Unknown platform section " + section),
                };
            }
            catch (InvalidOperationException e)
            {
                throw new HostConfigurationException(section, e.Message, "configuration refusée : " + e.Message);
            }
            served.Add(section);
        }
        // Teams users resolve through Graph with the bot's own credentials when Graph: is absent.
        if (served.Contains("Teams") && !served.Contains("Graph")) services.AddGraphDirectory(configuration);
        return served;
    }

    /// <summary>Runs until the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync(CancellationToken ct) => _app.WaitForShutdownAsync(ct);

    /// <summary>Stops gracefully: requests in flight and running jobs finish, then the database closes.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _database.DisposeAsync().ConfigureAwait(false);
    }
}
