namespace Allometry.Core.Postgres.Tests.Migrations;

using System.Text.RegularExpressions;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Migrations;
using Allometry.Testing;
using Dapper;

[Collection(PostgresCollection.Name)]
public sealed partial class MigratorTests(PostgresFixture postgres)
{
    [Fact]
    public void Embedded_Scripts_AreNamedAndNumberedContiguously()
    {
        // Arrange
        var scripts = MigrationScript.Embedded;

        // Act
        var versions = scripts.Select(s => s.Version).ToList();

        // Assert
        Assert.NotEmpty(scripts);
        Assert.Equal(Enumerable.Range(1, scripts.Count), versions);
        Assert.All(scripts, s => Assert.Matches(@"^\d{4}_[a-z0-9_]+\.sql$", s.Name));
        Assert.Equal("0001_extensions.sql", scripts[0].Name);
    }

    [Fact]
    public void Embedded_Scripts_AreEveryFileOfTheMigrationsFolder()
    {
        // Arrange
        var folder = Path.Combine(RepositoryRoot(), "core", "Allometry.Core.Postgres", "Migrations");

        // Act
        var files = Directory.GetFiles(folder, "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        // Assert
        Assert.Equal(files, MigrationScript.Embedded.Select(s => s.Name));
    }

    [Theory]
    [InlineData("0001_a.sql", "0003_c.sql")]
    [InlineData("0001_a.sql", "0001_b.sql")]
    [InlineData("0002_a.sql", "0003_b.sql")]
    public void Validate_GapOrRepeat_Throws(string first, string second)
    {
        // Arrange
        MigrationScript[] scripts = [MigrationScript.FromFile(first, "SELECT 1"), MigrationScript.FromFile(second, "SELECT 1")];

        // Act
        var error = Assert.Throws<MigrationException>(() => MigrationScript.Validate(scripts));

        // Assert
        Assert.Contains("versions must run", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1_init.sql")]
    [InlineData("0001-init.sql")]
    [InlineData("0001_Init.sql")]
    [InlineData("0001_init.SQL")]
    public void FromFile_BadName_Throws(string name)
    {
        // Act
        var error = Assert.Throws<MigrationException>(() => MigrationScript.FromFile(name, "SELECT 1"));

        // Assert
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_EmptyDatabase_AppliesEveryScript()
    {
        // Arrange
        await using var db = await postgres.CreateDatabaseAsync(migrate: false);
        var migrator = new Migrator(db.DataSource);

        // Act
        var applied = await migrator.MigrateAsync();

        // Assert
        Assert.Equal(MigrationScript.Embedded.Select(s => s.Name), applied.Select(s => s.Name));
        Assert.Equal(Enumerable.Range(1, applied.Count), await migrator.AppliedVersionsAsync());
        await using var connection = await db.DataSource.OpenConnectionAsync();
        var checksums = (await connection.QueryAsync<string>("SELECT checksum FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal(MigrationScript.Embedded.Select(s => s.Checksum), checksums);
    }

    [Fact]
    public async Task MigrateAsync_SecondRun_AppliesNothing()
    {
        // Arrange
        await using var db = await postgres.CreateDatabaseAsync(migrate: false);
        await new Migrator(db.DataSource).MigrateAsync();

        // Act
        var applied = await new Migrator(db.DataSource).MigrateAsync();

        // Assert
        Assert.Empty(applied);
    }

    [Fact]
    public async Task MigrateAsync_ConcurrentMigrators_TakeTurnsAndApplyEachScriptOnce()
    {
        // Arrange
        await using var db = await postgres.CreateDatabaseAsync(migrate: false);
        var migrators = Enumerable.Range(0, 4).Select(_ => new Migrator(db.DataSource)).ToList();

        // Act
        var results = await Task.WhenAll(migrators.Select(m => Task.Run(() => m.MigrateAsync())));

        // Assert
        Assert.Equal(MigrationScript.Embedded.Count, results.Sum(r => r.Count));
        Assert.Single(results, r => r.Count == MigrationScript.Embedded.Count);
        await using var connection = await db.DataSource.OpenConnectionAsync();
        Assert.Equal(MigrationScript.Embedded.Count, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task MigrateAsync_AppliedScriptChanged_RefusesToRun()
    {
        // Arrange
        await using var db = await postgres.CreateDatabaseAsync(migrate: false);
        MigrationScript[] original = [MigrationScript.FromFile("0001_first.sql", "CREATE TABLE t1 (id int)")];
        await new Migrator(db.DataSource, original).MigrateAsync();
        MigrationScript[] edited =
        [
            MigrationScript.FromFile("0001_first.sql", "CREATE TABLE t1 (id bigint)"),
            MigrationScript.FromFile("0002_second.sql", "CREATE TABLE t2 (id int)"),
        ];

        // Act
        var error = await Assert.ThrowsAsync<MigrationException>(() => new Migrator(db.DataSource, edited).MigrateAsync());

        // Assert
        Assert.Contains("never edited", error.Message, StringComparison.Ordinal);
        await using var connection = await db.DataSource.OpenConnectionAsync();
        Assert.False(await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('t2') IS NOT NULL"));
    }

    [Fact]
    public async Task MigrateAsync_DatabaseNewerThanBuild_RefusesToRun()
    {
        // Arrange
        await using var db = await postgres.CreateDatabaseAsync(migrate: false);
        MigrationScript[] newer = [MigrationScript.FromFile("0001_first.sql", "SELECT 1"), MigrationScript.FromFile("0002_second.sql", "SELECT 2")];
        await new Migrator(db.DataSource, newer).MigrateAsync();

        // Act
        var error = await Assert.ThrowsAsync<MigrationException>(() => new Migrator(db.DataSource, newer.Take(1)).MigrateAsync());

        // Assert
        Assert.Contains("newer version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_FailingScript_RollsBackThatScriptOnly()
    {
        // Arrange
        await using var db = await postgres.CreateDatabaseAsync(migrate: false);
        MigrationScript[] scripts = [MigrationScript.FromFile("0001_ok.sql", "CREATE TABLE ok (id int)"), MigrationScript.FromFile("0002_bad.sql", "CREATE TABLE bad (id int); SELECT nope;")];

        // Act
        await Assert.ThrowsAsync<MigrationException>(() => new Migrator(db.DataSource, scripts).MigrateAsync());

        // Assert
        await using var connection = await db.DataSource.OpenConnectionAsync();
        Assert.True(await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('ok') IS NOT NULL"));
        Assert.False(await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('bad') IS NOT NULL"));
        Assert.Equal([1], await new Migrator(db.DataSource, scripts).AppliedVersionsAsync());
    }

    public static TheoryData<string, string[]> Vocabularies => new()
    {
        { "province", [.. LedgerVocabulary.AllCodes<Province>()] },
        { "language_code", [.. LedgerVocabulary.AllCodes<Language>()] },
        { "invoice_kind", [.. LedgerVocabulary.AllCodes<InvoiceKind>()] },
        { "invoice_status", [.. LedgerVocabulary.AllCodes<InvoiceStatus>()] },
        { "invoice_origin", [.. LedgerVocabulary.AllCodes<InvoiceOrigin>()] },
        { "supply_type", [.. LedgerVocabulary.AllCodes<SupplyType>()] },
        { "release_rule", [.. LedgerVocabulary.AllCodes<ReleaseRule>()] },
        { "project_status", [.. LedgerVocabulary.AllCodes<ProjectStatus>()] },
        { "delivery_status", [.. LedgerVocabulary.AllCodes<DeliveryStatus>()] },
        { "quote_status", [.. LedgerVocabulary.AllCodes<QuoteStatus>()] },
        { "entity_link_kind", [.. LedgerVocabulary.AllCodes<EntityLinkKind>()] },
    };

    [Theory]
    [MemberData(nameof(Vocabularies))]
    public async Task Schema_VocabularyDomain_AllowsExactlyTheContractCodes(string domain, string[] codes)
    {
        // Arrange
        const string sql = """
            SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_type t ON t.oid = c.contypid
            WHERE t.typname = @domain AND c.contype = 'c'
            """;
        await using var connection = await postgres.DataSource.OpenConnectionAsync();

        // Act
        var definition = await connection.ExecuteScalarAsync<string>(sql, new { domain });

        // Assert
        Assert.NotNull(definition);
        var allowed = QuotedValue().Matches(definition).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);
        Assert.Equal(codes.Order(StringComparer.Ordinal), allowed);
    }

    [GeneratedRegex("'([^']*)'::text")]
    private static partial Regex QuotedValue();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props"))) return dir.FullName;
        }
        throw new InvalidOperationException("Repository root (Directory.Packages.props) not found above " + AppContext.BaseDirectory);
    }
}
