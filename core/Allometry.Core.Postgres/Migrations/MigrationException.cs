namespace Allometry.Core.Postgres.Migrations;

/// <summary>The schema cannot be brought up to date safely: a script is misnamed, was edited after it was applied, or the database is newer than this build.</summary>
public sealed class MigrationException : Exception
{
    public MigrationException(string message) : base(message) { }

    public MigrationException(string message, Exception inner) : base(message, inner) { }
}
