namespace Allometry.Adapters.DirectLine.Tests.Tokens;

using Allometry.Adapters.DirectLine.Tokens;
using Microsoft.Extensions.Options;

public sealed class DirectLineTokenServiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private static (DirectLineTokenService Tokens, ManualTimeProvider Clock) Create(string? key = null)
    {
        var clock = new ManualTimeProvider(Start);
        var options = Options.Create(new DirectLineOptions { TokenSigningKey = key, TokenLifetimeSeconds = 600 });
        return (new DirectLineTokenService(options, clock), clock);
    }

    [Fact]
    public void Read_IssuedToken_ReturnsItsGrant()
    {
        var (tokens, _) = Create();

        var grant = tokens.Read(tokens.Issue("marie.tremblay@borealis.example", "Marie Tremblay", "c1"));

        Assert.NotNull(grant);
        Assert.Equal("marie.tremblay@borealis.example", grant.UserId);
        Assert.Equal("Marie Tremblay", grant.UserName);
        Assert.Equal("c1", grant.ConversationId);
        Assert.Equal(Start.AddSeconds(600), grant.ExpiresAt);
    }

    [Fact]
    public void Read_ExpiredToken_ReturnsNull()
    {
        var (tokens, clock) = Create();
        var token = tokens.Issue("u", "U", "c1");

        clock.Now = Start.AddSeconds(600);

        Assert.Null(tokens.Read(token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData(".")]
    [InlineData("abc.")]
    [InlineData("abc.!!!")]
    public void Read_MalformedToken_ReturnsNull(string? token)
    {
        var (tokens, _) = Create();

        Assert.Null(tokens.Read(token));
    }

    [Fact]
    public void Read_PayloadChangedToAnotherUser_ReturnsNull()
    {
        var (tokens, _) = Create();
        var genuine = tokens.Issue("priya@borealis.example", "Priya", "c1");
        var forgedPayload = tokens.Issue("claire@borealis.example", "Claire", "c1").Split('.')[0];

        Assert.Null(tokens.Read(forgedPayload + "." + genuine.Split('.')[1]));
    }

    [Fact]
    public void Read_TokenFromAnotherKey_ReturnsNull()
    {
        var (one, _) = Create(Convert.ToBase64String(new byte[32]));
        var (other, _) = Create(Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()));

        Assert.Null(other.Read(one.Issue("u", "U", null)));
    }

    [Fact]
    public void Constructor_ShortKey_FailsNamingTheSetting()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Create(Convert.ToBase64String(new byte[16])));

        Assert.Contains("DirectLine:TokenSigningKey", e.Message, StringComparison.Ordinal);
    }
}
