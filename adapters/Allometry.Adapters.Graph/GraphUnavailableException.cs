namespace Allometry.Adapters.Graph;

/// <summary>Graph could not answer (token refused, server error, still throttled after the retries); nothing is cached.</summary>
internal sealed class GraphUnavailableException : Exception
{
    public GraphUnavailableException()
    {
    }

    public GraphUnavailableException(string message) : base(message)
    {
    }

    public GraphUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
