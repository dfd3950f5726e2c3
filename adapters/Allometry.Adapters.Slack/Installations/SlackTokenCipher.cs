namespace Allometry.Adapters.Slack.Installations;

using System.Security.Cryptography;
using System.Text;

/// <summary>
/// Bot tokens at rest: AES-256-GCM with a random 12-byte nonce; the team id is associated data, so a
/// ciphertext only decrypts for the row it was written for. Layout: nonce || tag || ciphertext.
/// </summary>
internal sealed class SlackTokenCipher
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public SlackTokenCipher(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != 32)
        {
            throw new ArgumentException("The token key must be 32 bytes.", nameof(key));
        }
        _key = key.ToArray();
        KeyId = Convert.ToHexStringLower(SHA256.HashData(_key).AsSpan(0, 4));
    }

    /// <summary>Names the key without revealing it (first 4 bytes of its SHA-256, hex).</summary>
    public string KeyId { get; }

    public byte[] Encrypt(string token, string teamId)
    {
        ArgumentNullException.ThrowIfNull(token);
        var plain = Encoding.UTF8.GetBytes(token);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(teamId));
        CryptographicOperations.ZeroMemory(plain);
        return output;
    }

    /// <summary>The token; throws <see cref="CryptographicException"/> when the key, the team or the bytes do not match.</summary>
    public string Decrypt(byte[] sealedToken, string teamId)
    {
        ArgumentNullException.ThrowIfNull(sealedToken);
        if (sealedToken.Length <= NonceSize + TagSize)
        {
            throw new CryptographicException("The sealed token is too short.");
        }
        var plain = new byte[sealedToken.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedToken.AsSpan(0, NonceSize), sealedToken.AsSpan(NonceSize + TagSize), sealedToken.AsSpan(NonceSize, TagSize), plain,
            Encoding.UTF8.GetBytes(teamId));
        return Encoding.UTF8.GetString(plain);
    }
}
