namespace Allometry.Bot.Tests.Serve;

using Allometry.Bot.Serve;
using Allometry.Core.Ledger;
using Microsoft.Extensions.Configuration;

public sealed class HostConfigurationTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Theory]
    [InlineData("Allometry:Scheduler:ThreadCount", "lots")]
    [InlineData("Allometry:Scheduler:ThreadCount", "0")]
    [InlineData("Allometry:Scheduler:TimeZone", "Mars/Olympus_Mons")]
    [InlineData("Allometry:Scheduler:RenewalTime", "6 am")]
    [InlineData("Allometry:Scheduler:CheckinInterval", "soon")]
    [InlineData("Allometry:Scheduler:HolidayProvince", "BC")]
    [InlineData("Allometry:Scheduler:Enabled", "yes")]
    [InlineData("ConnectionStrings:Allometry", "this is not=a;valid;;=connection")]
    public void Read_InvalidValue_ThrowsNamingTheKeyInBothLanguages(string key, string value)
    {
        // Act
        var error = Assert.Throws<HostConfigurationException>(() => HostConfiguration.Read(Config((key, value), ("Allometry:Home", "/tmp/x"))));

        // Assert
        Assert.Equal(key, error.Key);
        Assert.Contains($"Configuration '{key}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Configuration « {key} »", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NothingConfigured_DocumentedDefaults()
    {
        // Act
        var settings = HostConfiguration.Read(Config(("Allometry:Home", "/tmp/x")));

        // Assert
        Assert.Null(settings.ConnectionString);
        Assert.Equal("http://127.0.0.1:5080", settings.Urls);
        Assert.True(settings.Scheduler.Enabled);
        Assert.Equal(4, settings.Scheduler.ThreadCount);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.Scheduler.ReconcileInterval);
        Assert.Equal(new TimeOnly(6, 0), settings.Scheduler.RenewalTime);
        Assert.Equal("America/Toronto", settings.Scheduler.TimeZone);
        Assert.Null(settings.Scheduler.HolidayProvince);
    }

    [Fact]
    public void Read_ValidOverrides_Bound()
    {
        // Act
        var settings = HostConfiguration.Read(Config(
            ("Allometry:Home", "/tmp/x"), ("urls", "http://127.0.0.1:0"), ("Allometry:Scheduler:HolidayProvince", "qc"),
            ("Allometry:Scheduler:CheckinInterval", "00:00:02"), ("ConnectionStrings:Allometry", "Host=127.0.0.1;Database=a;Username=b")));

        // Assert
        Assert.Equal("http://127.0.0.1:0", settings.Urls);
        Assert.Equal(Province.QC, settings.Scheduler.HolidayProvince);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.Scheduler.CheckinInterval);
        Assert.Equal("Host=127.0.0.1;Database=a;Username=b", settings.ConnectionString);
    }
}
