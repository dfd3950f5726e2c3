namespace Allometry.Adapters.Teams.Tests;

using Microsoft.Extensions.Configuration;

public sealed class TeamsOptionsReaderTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Fact]
    public void Read_NothingConfigured_IsLocalModeWithBotFrameworkDefaults()
    {
        // Act
        var options = TeamsOptionsReader.Read(Config());

        // Assert
        Assert.True(options.IsLocalMode);
        Assert.Equal(TenantMode.Multi, options.TenantMode);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.OpenIdMetadataUrl.ToString());
        Assert.Equal(["https://api.botframework.com"], options.ValidIssuers);
    }

    [Theory]
    [InlineData("Teams:AppPassword", "Teams:AppId=abc")]
    [InlineData("Teams:TenantId", "Teams:AppId=abc", "Teams:AppPassword=s", "Teams:TenantMode=single")]
    [InlineData("Teams:TenantMode", "Teams:TenantMode=both")]
    [InlineData("Teams:TenantId", "Teams:TenantId=not-a-guid")]
    [InlineData("Teams:OpenIdMetadataUrl", "Teams:OpenIdMetadataUrl=ftp://keys")]
    [InlineData("Teams:TokenEndpoint", "Teams:TokenEndpoint=https://login.example/oauth2/token")]
    [InlineData("Teams:MaxBodyBytes", "Teams:MaxBodyBytes=-5")]
    [InlineData("Teams:RetryBaseDelay", "Teams:RetryBaseDelay=soon")]
    [InlineData("Teams:MembersCacheLifetime", "Teams:MembersCacheLifetime=-00:01:00")]
    [InlineData("Teams:InvokeRosterWait", "Teams:InvokeRosterWait=later")]
    public void Read_BadValue_FailsNamingTheKey(string key, params string[] settings)
    {
        // Arrange
        var config = Config([.. settings.Select(s => (s.Split('=')[0], s.Split('=', 2)[1]))]);

        // Act
        var error = Assert.Throws<InvalidOperationException>(() => TeamsOptionsReader.Read(config));

        // Assert
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CommaSeparatedHosts_ReadsEachHost()
    {
        // Act
        var options = TeamsOptionsReader.Read(Config(("Teams:ConnectorAllowedHosts", "a.example, *.b.example")));

        // Assert
        Assert.Equal(["a.example", "*.b.example"], options.ConnectorAllowedHosts);
    }

    [Fact]
    public void Read_MembersCacheLifetime_DefaultTenMinutesOrAsConfigured()
    {
        // Act
        var defaults = TeamsOptionsReader.Read(Config());
        var configured = TeamsOptionsReader.Read(Config(("Teams:MembersCacheLifetime", "00:02:30")));

        // Assert
        Assert.Equal(TimeSpan.FromMinutes(10), defaults.MembersCacheLifetime);
        Assert.Equal(TimeSpan.FromSeconds(150), configured.MembersCacheLifetime);
    }

    [Fact]
    public void Read_InvokeRosterWait_DefaultTwoSecondsOrAsConfigured()
    {
        // Act
        var defaults = TeamsOptionsReader.Read(Config());
        var configured = TeamsOptionsReader.Read(Config(("Teams:InvokeRosterWait", "00:00:05")));

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(2), defaults.InvokeRosterWait);
        Assert.Equal(TimeSpan.FromSeconds(5), configured.InvokeRosterWait);
    }
}
