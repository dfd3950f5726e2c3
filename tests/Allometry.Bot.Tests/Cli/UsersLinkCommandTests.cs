namespace Allometry.Bot.Tests.Cli;

using Allometry.Testing;
using Dapper;

[Collection(PostgresCollection.Name)]
public sealed class UsersLinkCommandTests(PostgresFixture postgres) : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("allometry-cli-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private CliHarness Cli => new(postgres.ConnectionString, _home);

    private async Task<string> NewTenantAsync()
    {
        var tenant = "cli-lnk-" + Guid.NewGuid().ToString("N")[..6];
        await using (var connection = await postgres.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO tenants (tenant_id, name) VALUES (@tenant, 'Link test')", new { tenant });
        }
        foreach (var (email, name) in new[] { ("marie@borealis.example", "Marie Tremblay"), ("jordan@borealis.example", "Jordan Lee") })
        {
            var add = await Cli.RunAsync("users", "add", email, "--name", name, "--role", "coordinator", "--tenant", tenant);
            Assert.True(add.ExitCode == 0, add.Out + add.Error);
        }
        return tenant;
    }

    private async Task<string?> LinkedEmailAsync(string platform, string realm, string userId)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<string?>("""
            SELECT u.email FROM platform_identities p JOIN app_users u ON u.user_id = p.user_id
            WHERE p.platform = @platform AND p.realm = @realm AND p.platform_user_id = @userId
            """, new { platform, realm, userId });
    }

    [Fact]
    public async Task UsersLinkThenUnlink_TeamsIdentity_LinkedThenGone()
    {
        // Arrange
        var tenant = await NewTenantAsync();
        string[] identity = ["--platform", "teams", "--realm", "aaaabbbb-0000-1111-2222-333344445555", "--user-id", "0f0f0f0f-1111-2222-3333-444455556666"];

        // Act
        var link = await Cli.RunAsync(["users", "link", "--email", "marie@borealis.example", .. identity, "--tenant", tenant]);
        var linked = await LinkedEmailAsync("teams", identity[3], identity[5]);
        var unlink = await Cli.RunAsync(["users", "unlink", .. identity, "--tenant", tenant, "--lang", "fr"]);

        // Assert
        Assert.True(link.ExitCode == 0, link.Out + link.Error);
        Assert.Contains("Teams account 0f0f0f0f-1111-2222-3333-444455556666 (realm aaaabbbb-0000-1111-2222-333344445555) is now linked to Marie Tremblay <marie@borealis.example>", link.Out.ReplaceLineEndings(""), StringComparison.Ordinal);
        Assert.Equal("marie@borealis.example", linked);
        Assert.True(unlink.ExitCode == 0, unlink.Out + unlink.Error);
        Assert.Contains("n'est plus relié à Marie Tremblay", unlink.Out.ReplaceLineEndings(""), StringComparison.Ordinal);
        Assert.Null(await LinkedEmailAsync("teams", identity[3], identity[5]));
    }

    [Theory]
    [InlineData("en", "nobody@borealis.example", "No user 'nobody@borealis.example'")]
    [InlineData("fr", "nobody@borealis.example", "Aucun utilisateur « nobody@borealis.example »")]
    [InlineData("en", "jordan@borealis.example", "already linked to Marie Tremblay <marie@borealis.example>")]
    [InlineData("fr", "jordan@borealis.example", "déjà relié à Marie Tremblay <marie@borealis.example>")]
    public async Task UsersLink_UnknownEmailOrSomeoneElsesIdentity_ErrorInTheLanguageAndLinkUnchanged(string lang, string email, string expected)
    {
        // Arrange: Marie holds the Slack identity.
        var tenant = await NewTenantAsync();
        string[] identity = ["--platform", "slack", "--realm", "T0" + tenant.ToUpperInvariant(), "--user-id", "U0MARIE"];
        var first = await Cli.RunAsync(["users", "link", "--email", "marie@borealis.example", .. identity, "--tenant", tenant]);
        Assert.True(first.ExitCode == 0, first.Out + first.Error);

        // Act
        var result = await Cli.RunAsync(["users", "link", "--email", email, .. identity, "--tenant", tenant, "--lang", lang]);

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error.ReplaceLineEndings(""), StringComparison.Ordinal);
        Assert.Equal("marie@borealis.example", await LinkedEmailAsync("slack", identity[3], "U0MARIE"));
    }

    [Fact]
    public async Task UsersLink_UnknownPlatform_RefusedNamingTheOption()
    {
        var tenant = await NewTenantAsync();

        var result = await Cli.RunAsync("users", "link", "--email", "marie@borealis.example", "--platform", "discord", "--realm", "x", "--user-id", "y", "--tenant", tenant);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--platform: 'discord' is not teams, slack or webchat", result.Error.ReplaceLineEndings(""), StringComparison.Ordinal);
    }
}
