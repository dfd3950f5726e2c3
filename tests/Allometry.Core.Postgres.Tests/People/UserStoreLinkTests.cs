namespace Allometry.Core.Postgres.Tests.People;

using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Conversations;
using Allometry.Core.Postgres.People;
using Allometry.Core.Postgres.Tenancy;
using Allometry.Testing;
using Dapper;

/// <summary>Links and unlinks of chat identities made by an administrator (<c>allometry users link|unlink</c>).</summary>
[Collection(PostgresCollection.Name)]
public sealed class UserStoreLinkTests(PostgresFixture postgres)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly UserStore _users = new(postgres.DataSource);

    private async Task<string> NewTenantAsync(params (string Email, string Name)[] people)
    {
        var tenant = "lnk-" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = await postgres.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO tenants (tenant_id, name) VALUES (@tenant, 'Link test')", new { tenant });
        }
        foreach (var (email, name) in people) await _users.AddAsync(tenant, email, name, Role.Coordinator, Language.Fr, Ct);
        return tenant;
    }

    private static PlatformIdentity Teams(string objectId) => new(Platform.Teams, "aaaabbbb-0000-1111-2222-333344445555", objectId);

    [Fact]
    public async Task LinkByAdministratorAsync_UserOfTheTenant_LinkedOnceThenAlreadyLinked()
    {
        // Arrange
        var tenant = await NewTenantAsync(("marie@borealis.example", "Marie Tremblay"));
        var identity = Teams("00000000-aaaa-0000-0000-000000000001");

        // Act
        var (user, already) = await _users.LinkByAdministratorAsync(tenant, "Marie@Borealis.example ", identity, Ct);
        var (_, again) = await _users.LinkByAdministratorAsync(tenant, "marie@borealis.example", identity, Ct);

        // Assert
        Assert.False(already);
        Assert.True(again);
        Assert.Equal(user.UserId, (await _users.FindByIdentityAsync(tenant, identity, Ct))?.UserId);
    }

    [Fact]
    public async Task LinkByAdministratorAsync_UnknownEmail_RefusedNamingItInBothLanguages()
    {
        var tenant = await NewTenantAsync();
        var identity = Teams("00000000-aaaa-0000-0000-000000000002");

        var ex = await Assert.ThrowsAsync<LocalizedArgumentException>(() => _users.LinkByAdministratorAsync(tenant, "nobody@borealis.example", identity, Ct));

        Assert.Contains("No user 'nobody@borealis.example'", ex.Text.En, StringComparison.Ordinal);
        Assert.Contains("Aucun utilisateur « nobody@borealis.example »", ex.Text.Fr, StringComparison.Ordinal);
        Assert.Null(await _users.FindByIdentityAsync(tenant, identity, Ct));
    }

    [Fact]
    public async Task LinkByAdministratorAsync_IdentityOfAnotherUser_RefusedSayingWhoAndLinkUnchanged()
    {
        // Arrange
        var tenant = await NewTenantAsync(("marie@borealis.example", "Marie Tremblay"), ("jordan@borealis.example", "Jordan Lee"));
        var identity = Teams("00000000-aaaa-0000-0000-000000000003");
        await _users.LinkByAdministratorAsync(tenant, "marie@borealis.example", identity, Ct);

        // Act
        var ex = await Assert.ThrowsAsync<LocalizedArgumentException>(() => _users.LinkByAdministratorAsync(tenant, "jordan@borealis.example", identity, Ct));

        // Assert
        Assert.Contains("already linked to Marie Tremblay <marie@borealis.example>", ex.Text.En, StringComparison.Ordinal);
        Assert.Contains("déjà relié à Marie Tremblay <marie@borealis.example>", ex.Text.Fr, StringComparison.Ordinal);
        Assert.Equal("marie@borealis.example", (await _users.FindByIdentityAsync(tenant, identity, Ct))?.Email);
    }

    [Fact]
    public async Task LinkByAdministratorAsync_IdentityHeldInAnotherTenant_RefusedWithoutNamingThatPerson()
    {
        // Arrange
        var rival = await NewTenantAsync(("boss@rival.example", "Rival Boss"));
        var tenant = await NewTenantAsync(("marie@borealis.example", "Marie Tremblay"));
        var identity = Teams("00000000-aaaa-0000-0000-000000000004");
        await _users.LinkByAdministratorAsync(rival, "boss@rival.example", identity, Ct);

        // Act
        var ex = await Assert.ThrowsAsync<LocalizedArgumentException>(() => _users.LinkByAdministratorAsync(tenant, "marie@borealis.example", identity, Ct));

        // Assert
        Assert.Contains("does not work for this tenant", ex.Text.En, StringComparison.Ordinal);
        Assert.DoesNotContain("rival", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LinkByAdministratorAsync_RealmConnectedToAnotherTenant_Refused()
    {
        // Arrange
        var rival = await NewTenantAsync();
        var tenant = await NewTenantAsync(("marie@borealis.example", "Marie Tremblay"));
        var identity = new PlatformIdentity(Platform.Slack, "T0RIVAL" + rival[4..], "U0MARIE");
        await new ChatRealmStore(postgres.DataSource).BindAsync(rival, Platform.Slack, identity.Realm, "test", Ct);

        // Act
        var ex = await Assert.ThrowsAsync<LocalizedArgumentException>(() => _users.LinkByAdministratorAsync(tenant, "marie@borealis.example", identity, Ct));

        // Assert
        Assert.Contains("connected to another tenant", ex.Text.En, StringComparison.Ordinal);
        Assert.Null(await _users.FindByIdentityAsync(rival, identity, Ct));
    }

    [Fact]
    public async Task UnlinkAsync_LinkedIdentity_UnlinkedAndUnknownAgain()
    {
        // Arrange
        var tenant = await NewTenantAsync(("marie@borealis.example", "Marie Tremblay"));
        var identity = new PlatformIdentity(Platform.WebChat, "demo-site", "dl_marie");
        await _users.LinkByAdministratorAsync(tenant, "marie@borealis.example", identity, Ct);

        // Act
        var unlinked = await _users.UnlinkAsync(tenant, identity, "marie@borealis.example", Ct);

        // Assert
        Assert.Equal("Marie Tremblay", unlinked.Name);
        Assert.Null(await _users.FindByIdentityAsync(tenant, identity, Ct));
    }

    [Fact]
    public async Task UnlinkAsync_NotLinkedOrSomeoneElses_RefusedAndNothingRemoved()
    {
        // Arrange
        var tenant = await NewTenantAsync(("marie@borealis.example", "Marie Tremblay"), ("jordan@borealis.example", "Jordan Lee"));
        var identity = Teams("00000000-aaaa-0000-0000-000000000005");
        await _users.LinkByAdministratorAsync(tenant, "marie@borealis.example", identity, Ct);

        // Act
        var notLinked = await Assert.ThrowsAsync<LocalizedArgumentException>(() => _users.UnlinkAsync(tenant, Teams("00000000-aaaa-0000-0000-0000000000ff"), null, Ct));
        var wrongPerson = await Assert.ThrowsAsync<LocalizedArgumentException>(() => _users.UnlinkAsync(tenant, identity, "jordan@borealis.example", Ct));

        // Assert
        Assert.Contains("is not linked to anyone", notLinked.Text.En, StringComparison.Ordinal);
        Assert.Contains("n'est relié à personne", notLinked.Text.Fr, StringComparison.Ordinal);
        Assert.Contains("linked to Marie Tremblay <marie@borealis.example>, not to jordan@borealis.example", wrongPerson.Text.En, StringComparison.Ordinal);
        Assert.Equal("marie@borealis.example", (await _users.FindByIdentityAsync(tenant, identity, Ct))?.Email);
    }

    [Fact]
    public async Task UnlinkAsync_AnotherTenantsPerson_RefusedAndTheDatabaseItselfKeepsTheLink()
    {
        // Arrange
        var rival = await NewTenantAsync(("boss@rival.example", "Rival Boss"));
        var tenant = await NewTenantAsync();
        var identity = Teams("00000000-aaaa-0000-0000-000000000006");
        await _users.LinkByAdministratorAsync(rival, "boss@rival.example", identity, Ct);

        // Act: through the store, then straight SQL in the tenant's scope (row-level security, not only the store's checks).
        var ex = await Assert.ThrowsAsync<LocalizedArgumentException>(() => _users.UnlinkAsync(tenant, identity, null, Ct));
        int deleted;
        await using (var scope = await TenantScope.BeginAsync(postgres.DataSource, tenant, Ct))
        {
            deleted = await scope.Connection.ExecuteAsync("DELETE FROM platform_identities WHERE platform_user_id = @id", new { id = identity.UserId }, scope.Transaction);
            await scope.CommitAsync(Ct);
        }

        // Assert
        Assert.Contains("does not work for this tenant", ex.Text.En, StringComparison.Ordinal);
        Assert.Equal(0, deleted);
        Assert.Equal("boss@rival.example", (await _users.FindByIdentityAsync(rival, identity, Ct))?.Email);
    }
}
