namespace Allometry.Core.Postgres.Tests.Digests;

using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Digests;
using Allometry.Core.Rules;
using Allometry.Testing;

[Collection(PostgresCollection.Name)]
public sealed class SubscriptionStoreTests(PostgresFixture postgres)
{
    [Fact]
    public async Task AddAsync_ThenGetAndList_RoundTripsEveryField()
    {
        await using var database = await postgres.CreateDatabaseAsync();
        await DigestTestBed.ImportAndEvaluateAsync(database.DataSource, "acme");
        var store = new SubscriptionStore(database.DataSource);
        var wanted = DigestTestBed.Subscription("acme", DigestKind.Morning, Language.Fr) with
        {
            Channel = new ChannelAddress(Platform.Slack, "T0123", "C0456"),
            LocalTime = new TimeOnly(6, 45),
            TimeZone = "America/Montreal",
            Filter = new DigestFilter { Province = "qc", ProjectManager = "Marie@Example.ca", Projects = ["PRJ-1", "PRJ-2"], MinSeverity = Severity.High, Top = 5 },
            CreatedBy = "marie@example.ca",
        };

        var added = await store.AddAsync(wanted, CancellationToken.None);
        var read = await store.GetAsync("acme", added.SubscriptionId, CancellationToken.None);
        var listed = await store.ListAsync("acme", CancellationToken.None);

        Assert.True(added.SubscriptionId > 0);
        Assert.NotNull(read);
        Assert.Equal(new ChannelAddress(Platform.Slack, "T0123", "C0456"), read.Channel);
        Assert.Equal(Language.Fr, read.Language);
        Assert.Equal(new TimeOnly(6, 45), read.LocalTime);
        Assert.Equal("America/Montreal", read.TimeZone);
        Assert.Null(read.Weekday);
        Assert.Equal("QC", read.Filter.Province);
        Assert.Equal("marie@example.ca", read.Filter.ProjectManager);
        Assert.Equal(["PRJ-1", "PRJ-2"], read.Filter.Projects);
        Assert.Equal(Severity.High, read.Filter.MinSeverity);
        Assert.Equal(5, read.Filter.Top);
        Assert.Equal(added.SubscriptionId, Assert.Single(listed).SubscriptionId);
    }

    [Fact]
    public async Task AddAsync_Weekly_DefaultsToMondayAndRemoveDeletesIt()
    {
        await using var database = await postgres.CreateDatabaseAsync();
        await DigestTestBed.ImportAndEvaluateAsync(database.DataSource, "acme");
        var store = new SubscriptionStore(database.DataSource);

        var weekly = await store.AddAsync(DigestTestBed.Subscription("acme", DigestKind.Weekly), CancellationToken.None);
        var friday = await store.AddAsync(DigestTestBed.Subscription("acme", DigestKind.Weekly) with { Weekday = DayOfWeek.Sunday }, CancellationToken.None);
        var removed = await store.RemoveAsync("acme", weekly.SubscriptionId, CancellationToken.None);
        var again = await store.RemoveAsync("acme", weekly.SubscriptionId, CancellationToken.None);

        Assert.Equal(DayOfWeek.Monday, weekly.Weekday);
        Assert.Equal(DayOfWeek.Sunday, (await store.GetAsync("acme", friday.SubscriptionId, CancellationToken.None))!.Weekday);
        Assert.True(removed);
        Assert.False(again);
        Assert.Null(await store.GetAsync("acme", weekly.SubscriptionId, CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_OtherTenantsSubscription_IsInvisible()
    {
        await using var database = await postgres.CreateDatabaseAsync();
        await DigestTestBed.ImportAndEvaluateAsync(database.DataSource, "tenant-a");
        await DigestTestBed.ImportAndEvaluateAsync(database.DataSource, "tenant-b", seed: 3);
        var store = new SubscriptionStore(database.DataSource);
        var ofA = await store.AddAsync(DigestTestBed.Subscription("tenant-a", DigestKind.Morning), CancellationToken.None);

        Assert.Null(await store.GetAsync("tenant-b", ofA.SubscriptionId, CancellationToken.None));
        Assert.Empty(await store.ListAsync("tenant-b", CancellationToken.None));
        Assert.False(await store.RemoveAsync("tenant-b", ofA.SubscriptionId, CancellationToken.None));
        Assert.NotNull(await store.GetAsync("tenant-a", ofA.SubscriptionId, CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_UnknownTimeZone_Throws()
    {
        await using var database = await postgres.CreateDatabaseAsync();
        var store = new SubscriptionStore(database.DataSource);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.AddAsync(DigestTestBed.Subscription("acme", DigestKind.Morning) with { TimeZone = "Mars/Olympus" }, CancellationToken.None));
    }
}
