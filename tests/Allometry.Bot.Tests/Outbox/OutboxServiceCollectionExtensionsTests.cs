namespace Allometry.Bot.Tests.Outbox;

using Allometry.Bot.Outbox;
using Allometry.Core.Postgres.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

public sealed class OutboxServiceCollectionExtensionsTests
{
    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public void AddOutboxDispatcher_LeaseSet_StoreUsesIt()
    {
        // Arrange
        var services = new ServiceCollection();

        // Act
        services.AddOutboxDispatcher(Config(new() { ["Outbox:Lease"] = "00:00:05", ["Outbox:SendTimeout"] = "00:00:02", ["Outbox:PacingHorizon"] = "00:00:01" }));

        // Assert
        var options = Assert.IsType<OutboxOptions>(services.Single(d => d.ServiceType == typeof(OutboxOptions)).ImplementationInstance);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Lease);
    }

    [Fact]
    public void AddOutboxDispatcher_NoLeaseSet_DefaultMinute()
    {
        // Arrange
        var services = new ServiceCollection();

        // Act
        services.AddOutboxDispatcher(Config([]));

        // Assert
        var options = Assert.IsType<OutboxOptions>(services.Single(d => d.ServiceType == typeof(OutboxOptions)).ImplementationInstance);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Lease);
    }

    [Fact]
    public void AddOutboxDispatcher_LeaseShorterThanACall_RefusedNamingTheKey()
    {
        // Arrange: every claim would be given back before its call could start.
        var services = new ServiceCollection();
        var config = Config(new() { ["Outbox:Lease"] = "00:00:20" });

        // Act
        var error = Assert.Throws<InvalidOperationException>(() => services.AddOutboxDispatcher(config));

        // Assert
        Assert.Contains("Outbox:Lease", error.Message, StringComparison.Ordinal);
        Assert.Contains("Outbox:SendTimeout", error.Message, StringComparison.Ordinal);
    }
}
