namespace Allometry.Core.Postgres.Tests.Questions;

using Allometry.Core.Cards;
using Allometry.Core.People;
using Allometry.Core.Questions;
using Allometry.Testing;
using Dapper;

/// <summary>Top risks, my queue and what changed, on the sample's evaluated exceptions.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ExceptionQuestionTests(PostgresFixture postgres)
{
    private const string OpenExceptions = """
        SELECT e.exception_id::text AS id, e.severity_rank::int AS rank, p.pm_email AS pm
        FROM exceptions e LEFT JOIN projects p ON p.tenant_id = e.tenant_id AND p.project_id = e.project_id
        WHERE e.tenant_id = @tenant AND e.status = 'open'
        """;

    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task<List<(string Id, int Rank, string? Pm)>> OpenAsync(TestDatabase database)
    {
        await using var owner = await database.DataSource.OpenConnectionAsync();
        return [.. await owner.QueryAsync<(string, int, string?)>(OpenExceptions, new { tenant = QuestionTestBed.TenantA })];
    }

    [Fact]
    public async Task AskAsync_TopRisks_WorstSeverityFirst()
    {
        var database = await QuestionTestBed.DatabaseAsync(postgres);
        var open = await OpenAsync(database);
        Assert.NotEmpty(open);

        var card = await QuestionTestBed.Service(database).AskAsync(QuestionTestBed.TenantA, QuestionTestBed.Finance, "top risks", new QuestionContext(), Ct);

        var answer = Assert.IsType<AnswerCard>(card);
        Assert.NotEmpty(answer.Citations);
        var first = open.Single(e => e.Id == answer.Citations[0].RowId);
        Assert.Equal(open.Max(e => e.Rank), first.Rank);
        Assert.Equal(open.Count, answer.Citations.Count + answer.MoreRows + Math.Max(0, open.Count - 25));
    }

    [Fact]
    public async Task AskAsync_MyQueueAsProjectManager_OnlyTheirProjects()
    {
        var database = await QuestionTestBed.DatabaseAsync(postgres);
        var open = await OpenAsync(database);
        var pmEmail = open.Where(e => e.Pm is not null).GroupBy(e => e.Pm!).OrderByDescending(g => g.Count()).First().Key;
        var pm = QuestionTestBed.User(pmEmail, Role.ProjectManager, language: Localization.Language.Fr);

        var card = await QuestionTestBed.Service(database).AskAsync(QuestionTestBed.TenantA, pm, "ma file", new QuestionContext(), Ct);

        var answer = Assert.IsType<AnswerCard>(card);
        Assert.Equal("Ma file", answer.Title);
        Assert.Equal(Math.Min(25, open.Count(e => e.Pm == pmEmail)), answer.Citations.Count + answer.MoreRows);
        Assert.All(answer.Citations, c => Assert.Equal(pmEmail, open.Single(e => e.Id == c.RowId).Pm));
    }

    [Fact]
    public async Task AskAsync_WhatChangedRightAfterEvaluation_ListsTheOpenedExceptions()
    {
        var database = await QuestionTestBed.DatabaseAsync(postgres);
        var open = await OpenAsync(database);

        var card = await QuestionTestBed.Service(database).AskAsync(QuestionTestBed.TenantA, QuestionTestBed.Finance, "what changed since yesterday?", new QuestionContext(), Ct);

        var answer = Assert.IsType<AnswerCard>(card);
        Assert.Equal(Math.Min(25, open.Count), answer.Citations.Count + answer.MoreRows);
        Assert.All(answer.Citations, c => Assert.EndsWith("opened", c.Description, StringComparison.Ordinal));
    }
}
