namespace Allometry.Adapters.Ledger.Tests.Workbook;

using Allometry.Testing;

/// <summary>The workbook pipeline tests share one PostgreSQL server and one migrated database per run.</summary>
[CollectionDefinition(Name)]
public sealed class WorkbookPostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "Workbook on PostgreSQL";
}
