namespace Allometry.Core.Postgres.Tests.Questions;

using Allometry.Core.Postgres.Tenancy;
using Allometry.Testing;
using Dapper;

/// <summary>f_question_candidates (0008) bypasses row-level security to use the trigram indexes: it must still see one tenant only.</summary>
[Collection(PostgresCollection.Name)]
public sealed class QuestionSearchIsolationTests(PostgresFixture postgres)
{
    private const string Search = "SELECT id FROM f_question_candidates(@q, true, true)";

    [Fact]
    public async Task Candidates_InsideEachTenantScope_OnlyThatTenantsNames()
    {
        var database = await QuestionTestBed.DatabaseAsync(postgres);

        List<string> seenByA, seenByB;
        await using (var a = await TenantScope.BeginAsync(database.DataSource, QuestionTestBed.TenantA, CancellationToken.None))
        {
            seenByA = (await a.Connection.QueryAsync<string>(Search, new { q = "Zéphyr" }, a.Transaction)).ToList();
        }
        await using (var b = await TenantScope.BeginAsync(database.DataSource, QuestionTestBed.TenantB, CancellationToken.None))
        {
            seenByB = (await b.Connection.QueryAsync<string>(Search, new { q = "Zéphyr" }, b.Transaction)).ToList();
        }

        Assert.Empty(seenByA);
        Assert.Contains(QuestionTestBed.Rival.Payers[0].PayerId, seenByB);
    }

    [Fact]
    public async Task Candidates_OutsideAnyTenantScope_Nothing()
    {
        var database = await QuestionTestBed.DatabaseAsync(postgres);
        await using var owner = await database.DataSource.OpenConnectionAsync();

        var seen = (await owner.QueryAsync<string>(Search, new { q = "Laval" })).ToList();

        Assert.Empty(seen);
    }

    [Fact]
    public async Task Candidates_AsAppRoleWithSpoofedArgumentsImpossible_TenantComesFromTheSetting()
    {
        var database = await QuestionTestBed.DatabaseAsync(postgres);
        await using var scope = await TenantScope.BeginAsync(database.DataSource, QuestionTestBed.TenantA, CancellationToken.None);

        var laval = (await scope.Connection.QueryAsync<string>(Search, new { q = "Laval" }, scope.Transaction)).ToList();

        Assert.NotEmpty(laval);
        Assert.All(laval, id => Assert.True(
            QuestionTestBed.Sample.Projects.Any(p => p.ProjectId == id) || QuestionTestBed.Sample.Payers.Any(p => p.PayerId == id)));
    }
}
