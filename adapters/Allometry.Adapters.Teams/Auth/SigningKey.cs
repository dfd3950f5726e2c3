namespace Allometry.Adapters.Teams.Auth;

using System.Security.Cryptography;

/// <summary>One RSA key from the Bot Framework's JWKS, with the channels it is endorsed for.</summary>
internal sealed class SigningKey(string keyId, RSA rsa, IReadOnlyCollection<string> endorsements)
{
    public string KeyId { get; } = keyId;

    /// <summary>The public key; RSA verification is safe to call concurrently.</summary>
    public RSA Rsa { get; } = rsa;

    /// <summary>The channel ids (<c>msteams</c>, <c>directline</c>…) whose tokens this key may sign.</summary>
    public IReadOnlyCollection<string> Endorsements { get; } = endorsements;

    public bool IsEndorsedFor(string? channelId) =>
        !string.IsNullOrEmpty(channelId) && Endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase);
}
