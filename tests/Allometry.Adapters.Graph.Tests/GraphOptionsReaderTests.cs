namespace Allometry.Adapters.Graph.Tests;

using Allometry.Core.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

public sealed class GraphOptionsReaderTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Theory]
    [InlineData("Graph:ClientSecret", "Graph:ClientId=abc")]
    [InlineData("Graph:TenantId", "Graph:ClientId=abc", "Graph:ClientSecret=s", "Graph:TenantId=contoso")]
    [InlineData("Graph:BaseUrl", "Graph:ClientId=abc", "Graph:ClientSecret=s", "Graph:BaseUrl=graph")]
    [InlineData("Graph:TokenEndpoint", "Graph:ClientId=abc", "Graph:ClientSecret=s", "Graph:TokenEndpoint=https://login.example/token")]
    [InlineData("Graph:MaxAttempts", "Graph:ClientId=abc", "Graph:ClientSecret=s", "Graph:MaxAttempts=0")]
    public void Read_BadValue_FailsNamingTheKey(string key, params string[] settings)
    {
        // Arrange
        var config = Config([.. settings.Select(s => (s.Split('=')[0], s.Split('=', 2)[1]))]);

        // Act
        var error = Assert.Throws<InvalidOperationException>(() => GraphOptionsReader.Read(config));

        // Assert
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OnlyTeamsBotConfigured_UsesTheBotsApp()
    {
        // Act
        var options = GraphOptionsReader.Read(Config(("Teams:AppId", "bot-app"), ("Teams:AppPassword", "bot-secret")));

        // Assert
        Assert.Equal("bot-app", options!.ClientId);
        Assert.Equal("bot-secret", options.ClientSecret);
        Assert.Equal("https://graph.microsoft.com/v1.0/", options.BaseUrl.ToString());
    }

    [Fact]
    public void AddGraphDirectory_NothingConfigured_RegistersNoDirectory()
    {
        // Arrange
        var services = new ServiceCollection();

        // Act
        services.AddGraphDirectory(Config());

        // Assert
        using var provider = services.BuildServiceProvider();
        Assert.Empty(provider.GetServices<IDirectory>());
    }
}
