namespace Allometry.Adapters.Teams.Auth;

/// <summary>The OpenID metadata or JWKS could not be fetched and no cached keys are left; requests get 503 so the channel retries.</summary>
internal sealed class KeySourceUnavailableException : Exception
{
    public KeySourceUnavailableException()
    {
    }

    public KeySourceUnavailableException(string message) : base(message)
    {
    }

    public KeySourceUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
