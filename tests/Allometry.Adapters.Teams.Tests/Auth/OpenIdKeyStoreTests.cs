namespace Allometry.Adapters.Teams.Tests.Auth;

using System.Security.Cryptography;
using Allometry.Adapters.Teams.Auth;
using Allometry.Adapters.Teams.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>The signing-key cache against the fake OpenID metadata and JWKS.</summary>
public sealed class OpenIdKeyStoreTests
{
    private static OpenIdKeyStore Store(FakeBotFramework fake, TimeProvider clock) =>
        new(new HttpClient(), new TeamsOptions { AppId = TestTokens.AppId, AppPassword = "x", OpenIdMetadataUrl = fake.MetadataUrl }, clock,
            NullLogger<OpenIdKeyStore>.Instance);

    [Fact]
    public async Task FindAsync_KnownKid_FetchesOnceAndCaches()
    {
        // Arrange
        await using var fake = await FakeBotFramework.StartAsync();
        var store = Store(fake, new ShiftableTimeProvider());

        // Act
        var first = await store.FindAsync(fake.KeyId, CancellationToken.None);
        var second = await store.FindAsync(fake.KeyId, CancellationToken.None);

        // Assert
        Assert.NotNull(first);
        Assert.Same(first, second);
        Assert.Equal(["msteams"], first.Endorsements);
        Assert.Equal(1, fake.MetadataFetches);
        Assert.Equal(1, fake.JwksFetches);
    }

    [Fact]
    public async Task FindAsync_RotatedKey_RefetchesOnceAndFindsIt()
    {
        // Arrange
        await using var fake = await FakeBotFramework.StartAsync();
        var clock = new ShiftableTimeProvider();
        var store = Store(fake, clock);
        await store.FindAsync(fake.KeyId, CancellationToken.None);
        using var rotated = RSA.Create(2048);
        fake.PublishKey("rotated", rotated, "msteams");
        clock.Advance(TimeSpan.FromMinutes(2));

        // Act
        var found = await store.FindAsync("rotated", CancellationToken.None);
        var ghost = await store.FindAsync("ghost", CancellationToken.None);

        // Assert: the unknown "ghost" right after a fetch does not fetch again.
        Assert.NotNull(found);
        Assert.Null(ghost);
        Assert.Equal(2, fake.JwksFetches);
    }

    [Fact]
    public async Task FindAsync_CacheOlderThanRefreshInterval_Refetches()
    {
        // Arrange
        await using var fake = await FakeBotFramework.StartAsync();
        var clock = new ShiftableTimeProvider();
        var store = Store(fake, clock);
        await store.FindAsync(fake.KeyId, CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(25));

        // Act
        await store.FindAsync(fake.KeyId, CancellationToken.None);

        // Assert
        Assert.Equal(2, fake.JwksFetches);
    }

    [Fact]
    public async Task FindAsync_MetadataUnreachableWithoutCache_ThrowsKeySourceUnavailable()
    {
        // Arrange
        var fake = await FakeBotFramework.StartAsync();
        var store = Store(fake, new ShiftableTimeProvider());
        await fake.DisposeAsync();

        // Act + Assert
        await Assert.ThrowsAsync<KeySourceUnavailableException>(() => store.FindAsync("any", CancellationToken.None));
    }
}
