namespace Allometry.Core.Postgres.Server;

/// <summary>The private PostgreSQL server could not be found, initialised, started or stopped.</summary>
public sealed class PostgresServerException : Exception
{
    public PostgresServerException(string message) : base(message) { }

    public PostgresServerException(string message, Exception inner) : base(message, inner) { }
}
