namespace Allometry.Core.Postgres.Tests.Conversations;

using Allometry.Core.Cards;
using Allometry.Core.Conversations;
using Allometry.Core.People;
using Allometry.Core.Postgres.Conversations;
using Allometry.Core.Postgres.Tenancy;
using Allometry.Testing;
using Dapper;

/// <summary>Realms and conversations under row-level security: a tenant sees and binds only its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ChatRealmStoreTests(PostgresFixture postgres)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task<(string A, string B)> TwoTenantsAsync()
    {
        var (a, b) = ("realm-a-" + Guid.NewGuid().ToString("N")[..6], "realm-b-" + Guid.NewGuid().ToString("N")[..6]);
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("INSERT INTO tenants (tenant_id, name) VALUES (@a, 'A'), (@b, 'B')", new { a, b });
        return (a, b);
    }

    [Fact]
    public async Task BindAsync_RealmOfAnotherTenant_RefusedAndTheHolderKeepsIt()
    {
        // Arrange
        var (a, b) = await TwoTenantsAsync();
        var realms = new ChatRealmStore(postgres.DataSource);
        var realm = "T" + Guid.NewGuid().ToString("N")[..8];
        await realms.BindAsync(a, Platform.Slack, realm, "admin-a", Ct);

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => realms.BindAsync(b, Platform.Slack, realm, "admin-b", Ct));

        // Assert
        Assert.Contains("already connected to another tenant", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(a, error.Message, StringComparison.Ordinal);
        Assert.Equal(a, await realms.FindTenantAsync(Platform.Slack, realm, Ct));
        Assert.Empty(await realms.ListAsync(b, Ct));
        Assert.False(await realms.UnbindAsync(b, Platform.Slack, realm, Ct));
        Assert.Equal(a, await realms.FindTenantAsync(Platform.Slack, realm, Ct));
    }

    [Fact]
    public async Task FindTenantAsync_AsTheAppRole_TheOwnersFunctionAnswersWhileTheTableStaysFiltered()
    {
        // Arrange
        var (a, b) = await TwoTenantsAsync();
        var realm = "T" + Guid.NewGuid().ToString("N")[..8];
        await new ChatRealmStore(postgres.DataSource).BindAsync(a, Platform.Teams, realm, null, Ct);

        // Act: inside tenant B's scope (allometry_app, row-level security on).
        await using var scope = await TenantScope.BeginAsync(postgres.DataSource, b, Ct);
        var viaFunction = await scope.Connection.ExecuteScalarAsync<string?>(
            "SELECT allometry_tenant_of_realm('teams', @realm)", new { realm }, scope.Transaction);
        var rowsSeen = await scope.Connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM chat_realms WHERE realm = @realm", new { realm }, scope.Transaction);

        // Assert
        Assert.Equal(a, viaFunction);
        Assert.Equal(0, rowsSeen);
    }

    [Fact]
    public async Task ChatConversationStore_OtherTenantsConversation_Invisible()
    {
        // Arrange
        var (a, b) = await TwoTenantsAsync();
        var store = new ChatConversationStore(postgres.DataSource);
        var address = new ChannelAddress(Platform.Teams, "tenant-guid", "19:general@thread.tacv2", "https://smba.example/amer/");
        await store.RememberAsync(a, address, ConversationKind.Channel, "teams:x:y", Ct);
        await store.BindProjectAsync(a, address, ConversationKind.Channel, "PRJ-1111", Ct);

        // Act
        var seenByA = await store.FindAsync(a, address, Ct);
        var seenByB = await store.FindAsync(b, address, Ct);
        await store.RememberAsync(a, address with { ServiceUrl = "https://smba.example/emea/" }, ConversationKind.Channel, null, Ct);
        var again = await store.FindAsync(a, address, Ct);

        // Assert: a re-installation refreshes the reference and keeps the binding.
        Assert.Equal("PRJ-1111", seenByA?.ProjectId);
        Assert.Null(seenByB);
        Assert.Empty(await store.ListAsync(b, Ct));
        Assert.Equal("https://smba.example/emea/", again?.Address.ServiceUrl);
        Assert.Equal("PRJ-1111", again?.ProjectId);
        Assert.Equal("teams:x:y", again?.InstalledBy);
    }
}
