namespace Allometry.Core.Postgres.Tests.Exceptions;

using System.Text.RegularExpressions;
using Allometry.Core.Exceptions;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Testing;
using Dapper;
using Npgsql;

[Collection(PostgresCollection.Name)]
public sealed partial class ExceptionSchemaTests(PostgresFixture postgres)
{
    public static TheoryData<string, string[]> Vocabularies() => new()
    {
        { "severity", [.. LedgerVocabulary.AllCodes<Severity>()] },
        { "subject_kind", [.. LedgerVocabulary.AllCodes<SubjectKind>()] },
        { "exception_status", [.. LedgerVocabulary.AllCodes<ExceptionStatus>()] },
        { "exception_change_kind", [.. LedgerVocabulary.AllCodes<ExceptionChangeKind>()] },
    };

    [Theory]
    [MemberData(nameof(Vocabularies))]
    public async Task Schema_ExceptionVocabularyDomain_AllowsExactlyTheEnumsCodes(string domain, string[] codes)
    {
        const string sql = """
            SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_type t ON t.oid = c.contypid
            WHERE t.typname = @domain AND c.contype = 'c'
            """;
        await using var connection = await postgres.DataSource.OpenConnectionAsync();

        var definition = await connection.ExecuteScalarAsync<string>(sql, new { domain });

        Assert.NotNull(definition);
        Assert.Equal(codes.Order(StringComparer.Ordinal), QuotedValue().Matches(definition).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Schema_SeverityRank_OrdersLikeTheEnum()
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();

        var ranks = new List<short>();
        foreach (var code in LedgerVocabulary.AllCodes<Severity>())
        {
            ranks.Add(await connection.ExecuteScalarAsync<short>("SELECT f_severity_rank(@code::severity)", new { code }));
        }

        Assert.Equal(Enum.GetValues<Severity>().Select(s => (short)s), ranks);
    }

    [Fact]
    public async Task Schema_HistoryEntry_CannotBeRewritten()
    {
        // Arrange
        var bed = new ExceptionTestBed(postgres);
        var tenant = ExceptionTestBed.NewTenant();
        await bed.ImportAsync(tenant, DepositLedger.Build());
        await bed.EvaluateAsync(tenant);

        // Act
        var ex = await Assert.ThrowsAsync<PostgresException>(() => bed.ExecuteAsync("UPDATE exception_history SET actor = 'someone' WHERE tenant_id = @tenant", new { tenant }));

        // Assert
        Assert.Contains("append-only", ex.MessageText, StringComparison.Ordinal);
    }

    [GeneratedRegex("'([^']*)'::text")]
    private static partial Regex QuotedValue();
}
