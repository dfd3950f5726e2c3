namespace Allometry.Bot.Hosting;

using Allometry.Adapters.Ledger;
using Allometry.Bot.Imports;
using Allometry.Core.Postgres;
using Allometry.Core.Postgres.Migrations;
using Microsoft.Extensions.DependencyInjection;

/// <summary>The composition root for CLI commands: the database plus the services that use it.</summary>
internal sealed class AppServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private AppServices(Database database, ServiceProvider provider)
    {
        Database = database;
        _provider = provider;
    }

    public Database Database { get; }

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Resolves a service by type, for code shared with the host (which has its own container).</summary>
    public object Get(Type type) => _provider.GetRequiredService(type);

    /// <summary>Opens the database (starting the private server if needed) and brings its schema up to date.</summary>
    public static async Task<AppServices> StartAsync(AllometryHome home, string? connectionString, CancellationToken ct)
    {
        var database = await Database.OpenAsync(home, connectionString, ct);
        try
        {
            var services = new ServiceCollection();
            services.AddSingleton(database.DataSource);
            services.AddAllometryPostgres();
            services.AddLedgerFiles();
            services.AddSingleton<ImportService>();
            var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
            var app = new AppServices(database, provider);
            await app.Get<Migrator>().MigrateAsync(ct);
            return app;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Database.DisposeAsync();
    }
}
