namespace Allometry.Core.Postgres.Tests.People;

using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.People;
using Allometry.Core.Postgres.Tests.Actions;
using Allometry.Testing;

[Collection(PostgresCollection.Name)]
public sealed class UserStoreTests(PostgresFixture postgres)
{
    private readonly ActionTestBed _bed = new(postgres);

    private sealed class FakeDirectory(string? email) : IDirectory
    {
        public Platform Platform => Platform.Slack;

        public Task<DirectoryUser?> FindUserAsync(PlatformIdentity identity, CancellationToken ct) =>
            Task.FromResult<DirectoryUser?>(email is null ? null : new DirectoryUser(email, "Someone", "fr-CA"));

        public Task<string?> FindManagerEmailAsync(PlatformIdentity identity, CancellationToken ct) => Task.FromResult<string?>(null);
    }

    [Fact]
    public async Task LinkAsync_VerifiedEmailOfATenantUser_LinksTheIdentity()
    {
        // Arrange
        var (tenant, _) = await _bed.NewTenantAsync();
        var identity = new PlatformIdentity(Platform.Slack, "T0BOREAL", "U0MARIE");

        // Act
        var linked = await _bed.Users.LinkAsync(tenant, identity, new FakeDirectory("Marie.Tremblay@Borealis.example"), CancellationToken.None);
        var found = await _bed.Users.FindByIdentityAsync(tenant, identity, CancellationToken.None);

        // Assert
        Assert.Equal("Marie Tremblay", linked!.Name);
        Assert.Equal(linked.UserId, found!.UserId);
        Assert.Equal(Role.Coordinator, found.RoleIn(tenant));
    }

    [Fact]
    public async Task LinkAsync_UnknownEmail_NullAndNotLinked()
    {
        // Arrange
        var (tenant, _) = await _bed.NewTenantAsync();
        var identity = new PlatformIdentity(Platform.Slack, "T0BOREAL", "U0STRANGER");

        // Act
        var linked = await _bed.Users.LinkAsync(tenant, identity, new FakeDirectory("stranger@elsewhere.example"), CancellationToken.None);
        var noEmail = await _bed.Users.LinkAsync(tenant, identity, new FakeDirectory(null), CancellationToken.None);

        // Assert
        Assert.Null(linked);
        Assert.Null(noEmail);
        Assert.Null(await _bed.Users.FindByIdentityAsync(tenant, identity, CancellationToken.None));
    }

    [Fact]
    public async Task FindByEmailAsync_FractionalUserOfTwoTenants_SeesOnlyTheScopesMembership()
    {
        // Arrange
        var tenantA = "usr-" + Guid.NewGuid().ToString("N")[..8];
        var tenantB = "usr-" + Guid.NewGuid().ToString("N")[..8];
        await _bed.ExecuteAsync("INSERT INTO tenants (tenant_id, name) VALUES (@tenantA, 'A'), (@tenantB, 'B')", new { tenantA, tenantB });
        await _bed.Users.AddAsync(tenantA, "ops@fractional.example", "Ops Person", Role.Finance, Language.Fr, CancellationToken.None);
        await _bed.Users.AddAsync(tenantB, "ops@fractional.example", "Ops Person", Role.Coordinator, Language.Fr, CancellationToken.None);

        // Act
        var inA = await _bed.Users.FindByEmailAsync(tenantA, "OPS@fractional.example", CancellationToken.None);
        var listB = await _bed.Users.ListAsync(tenantB, CancellationToken.None);

        // Assert
        Assert.Equal([new TenantMembership(tenantA, Role.Finance)], inA!.Memberships);
        Assert.Equal(Language.Fr, inA.Language);
        Assert.Equal([new TenantMembership(tenantB, Role.Coordinator)], Assert.Single(listB).Memberships);
    }

    [Fact]
    public async Task TenantScope_UsersTableWithoutWhere_ShowsOnlyTheTenantsPeople()
    {
        // Arrange
        var tenantA = "usr-" + Guid.NewGuid().ToString("N")[..8];
        var tenantB = "usr-" + Guid.NewGuid().ToString("N")[..8];
        await _bed.ExecuteAsync("INSERT INTO tenants (tenant_id, name) VALUES (@tenantA, 'A'), (@tenantB, 'B')", new { tenantA, tenantB });
        await _bed.Users.AddAsync(tenantA, $"only-a@{tenantA}.example", "Only A", Role.Finance, Language.En, CancellationToken.None);
        await _bed.Users.AddAsync(tenantB, $"only-b@{tenantB}.example", "Only B", Role.Viewer, Language.En, CancellationToken.None);

        // Act
        await using var scope = await Allometry.Core.Postgres.Tenancy.TenantScope.BeginAsync(postgres.DataSource, tenantB, CancellationToken.None);
        var emails = (await Dapper.SqlMapper.QueryAsync<string>(scope.Connection, "SELECT email FROM app_users", transaction: scope.Transaction)).ToList();

        // Assert
        Assert.Equal([$"only-b@{tenantB}.example"], emails);
    }

    [Fact]
    public void UnlinkedUserNotice_BothLanguages_SayHowToGetLinked()
    {
        // Act
        var en = UnlinkedUserNotice.Build(Language.En);
        var fr = UnlinkedUserNotice.Build(Language.Fr);

        // Assert
        Assert.Contains("work email", en.Text, StringComparison.Ordinal);
        Assert.Contains("courriel professionnel", fr.Text, StringComparison.Ordinal);
        Assert.Equal(Language.Fr, fr.Language);
    }
}
