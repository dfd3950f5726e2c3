namespace Allometry.Adapters.Slack.Tests.Installations;

using System.Security.Cryptography;
using Allometry.Adapters.Slack.Installations;

public sealed class SlackTokenCipherTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    [Fact]
    public void Decrypt_WhatWasEncrypted_GivesTheTokenBack()
    {
        var cipher = new SlackTokenCipher(Key);

        var sealedToken = cipher.Encrypt("xoxb-1-2-secret", "T111");

        Assert.Equal("xoxb-1-2-secret", cipher.Decrypt(sealedToken, "T111"));
    }

    [Fact]
    public void Encrypt_SameTokenTwice_DiffersAndHidesTheToken()
    {
        var cipher = new SlackTokenCipher(Key);

        var first = cipher.Encrypt("xoxb-1-2-secret", "T111");
        var second = cipher.Encrypt("xoxb-1-2-secret", "T111");

        Assert.NotEqual(first, second);
        Assert.DoesNotContain("xoxb", System.Text.Encoding.UTF8.GetString(first), StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_AnotherTeamsRow_Throws()
    {
        var cipher = new SlackTokenCipher(Key);
        var sealedToken = cipher.Encrypt("xoxb-1-2-secret", "T111");

        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(sealedToken, "T222"));
    }

    [Fact]
    public void Decrypt_WithAnotherKey_Throws()
    {
        var sealedToken = new SlackTokenCipher(Key).Encrypt("xoxb-1-2-secret", "T111");
        var otherKey = Key.Select(b => (byte)(b ^ 0xFF)).ToArray();

        Assert.ThrowsAny<CryptographicException>(() => new SlackTokenCipher(otherKey).Decrypt(sealedToken, "T111"));
    }
}
