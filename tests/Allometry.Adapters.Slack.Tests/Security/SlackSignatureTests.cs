namespace Allometry.Adapters.Slack.Tests.Security;

using System.Text;
using Allometry.Adapters.Slack.Security;

public sealed class SlackSignatureTests
{
    // Slack's published example (api.slack.com, "Verifying requests from Slack").
    private const string VectorSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string VectorTimestamp = "1531420618";
    private const string VectorBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string VectorSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly DateTimeOffset VectorTime = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void Compute_PublishedVector_MatchesSlacksSignature()
    {
        var signature = SlackSignature.Compute(VectorSecret, VectorTimestamp, Encoding.UTF8.GetBytes(VectorBody));

        Assert.Equal(VectorSignature, signature);
    }

    [Fact]
    public void Verify_PublishedVectorAtItsTime_IsValid()
    {
        var check = SlackSignature.Verify([VectorSecret], VectorTimestamp, VectorSignature, Encoding.UTF8.GetBytes(VectorBody), VectorTime, TimeSpan.FromMinutes(5));

        Assert.Equal(SignatureCheck.Valid, check);
    }

    [Fact]
    public void Verify_SecondSecretDuringRotation_IsValid()
    {
        var check = SlackSignature.Verify(["another-secret-entirely-000000000", VectorSecret], VectorTimestamp, VectorSignature,
            Encoding.UTF8.GetBytes(VectorBody), VectorTime, TimeSpan.FromMinutes(5));

        Assert.Equal(SignatureCheck.Valid, check);
    }

    [Theory]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    public void Verify_TimestampWindow_IsFiveMinutesEitherWay(int offsetSeconds, bool valid)
    {
        var check = SlackSignature.Verify([VectorSecret], VectorTimestamp, VectorSignature, Encoding.UTF8.GetBytes(VectorBody),
            VectorTime.AddSeconds(offsetSeconds), TimeSpan.FromMinutes(5));

        Assert.Equal(valid ? SignatureCheck.Valid : SignatureCheck.StaleTimestamp, check);
    }

    [Fact]
    public void Verify_NoSecretConfigured_FailsClosed()
    {
        var check = SlackSignature.Verify([], VectorTimestamp, VectorSignature, Encoding.UTF8.GetBytes(VectorBody), VectorTime, TimeSpan.FromMinutes(5));

        Assert.Equal(SignatureCheck.NoSecret, check);
    }

    [Fact]
    public void Verify_OneByteChanged_IsBadSignature()
    {
        var tampered = VectorBody.Replace("roadrunner", "roadrunnex", StringComparison.Ordinal);

        var check = SlackSignature.Verify([VectorSecret], VectorTimestamp, VectorSignature, Encoding.UTF8.GetBytes(tampered), VectorTime, TimeSpan.FromMinutes(5));

        Assert.Equal(SignatureCheck.BadSignature, check);
    }
}
