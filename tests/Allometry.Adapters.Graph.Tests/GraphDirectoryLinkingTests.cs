namespace Allometry.Adapters.Graph.Tests;

using System.Text.Json.Nodes;
using Allometry.Adapters.Graph.Tests.Fakes;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.People;
using Allometry.Testing;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

/// <summary>A Teams user linked to an internal user by the mail Graph verifies, in a real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class GraphDirectoryLinkingTests(PostgresFixture postgres)
{
    private const string Entra = "50612dbb-0237-4969-b378-8d42590f9c00";

    [Fact]
    public async Task LinkAsync_GraphVerifiesTheMail_LinksTheTeamsUserToTheTenantsUser()
    {
        // Arrange
        await using var graph = await FakeGraph.StartAsync();
        var aad = Guid.NewGuid().ToString();
        graph.Users[aad] = new JsonObject { ["id"] = aad, ["displayName"] = "Sophie Gagnon", ["mail"] = "Sophie.Gagnon@Gagnon-Beton.example", ["preferredLanguage"] = "fr-CA" };
        var tenant = "graph-" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = await postgres.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO tenants (tenant_id, name) VALUES (@tenant, 'Gagnon Béton')", new { tenant });
        }
        var users = new UserStore(postgres.DataSource);
        var sophie = await users.AddAsync(tenant, "sophie.gagnon@gagnon-beton.example", "Sophie Gagnon", Role.Finance, Language.Fr, CancellationToken.None);
        var services = new ServiceCollection();
        services.AddGraphDirectory(new ConfigurationBuilder().AddInMemoryCollection(graph.Config()).Build());
        await using var provider = services.BuildServiceProvider();
        var identity = new PlatformIdentity(Platform.Teams, Entra, aad);

        // Act
        var linked = await users.LinkAsync(tenant, identity, provider.GetRequiredService<IDirectory>(), CancellationToken.None);
        var found = await users.FindByIdentityAsync(tenant, identity, CancellationToken.None);

        // Assert
        Assert.Equal(sophie.UserId, linked!.UserId);
        Assert.Equal(sophie.UserId, found!.UserId);
    }

    [Fact]
    public async Task LinkAsync_GraphHasNoMail_LinksNothing()
    {
        // Arrange
        await using var graph = await FakeGraph.StartAsync();
        var aad = Guid.NewGuid().ToString();
        graph.Users[aad] = new JsonObject { ["id"] = aad, ["displayName"] = "Guest", ["mail"] = null };
        var tenant = "graph-" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = await postgres.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO tenants (tenant_id, name) VALUES (@tenant, 'Guests')", new { tenant });
        }
        var users = new UserStore(postgres.DataSource);
        var services = new ServiceCollection();
        services.AddGraphDirectory(new ConfigurationBuilder().AddInMemoryCollection(graph.Config()).Build());
        await using var provider = services.BuildServiceProvider();
        var identity = new PlatformIdentity(Platform.Teams, Entra, aad);

        // Act
        var linked = await users.LinkAsync(tenant, identity, provider.GetRequiredService<IDirectory>(), CancellationToken.None);

        // Assert
        Assert.Null(linked);
        Assert.Null(await users.FindByIdentityAsync(tenant, identity, CancellationToken.None));
    }
}
