namespace Allometry.Adapters.Teams.Tests;

using Allometry.Testing;

/// <summary>Test classes in this collection share one PostgreSQL server and one migrated database per run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
