namespace Allometry.Core.Postgres.Questions;

using System.Text.RegularExpressions;
using Allometry.Core.Questions;
using Dapper;
using Npgsql;

/// <summary>
/// Resolves the name in a question to a project or payer of the tenant: ids first (exact, through
/// the primary keys), then fuzzy names — pg_trgm word similarity over
/// <c>f_search_text(name, aliases or site city)</c>, the expression the trigram indexes cover, so
/// accents, case and partial names match. Runs inside the caller's tenant scope: ids through
/// row-level security, names through <c>f_question_candidates</c> (migration 0008), which applies
/// the same tenant setting the policies compare.
/// </summary>
public static partial class SubjectResolver
{
    /// <summary>Candidates whose score is within this of the best are "equally good" (ambiguous).</summary>
    public const double TieMargin = 0.05;

    /// <summary>At most this many choices are offered.</summary>
    public const int MaxChoices = 8;

    private const string ByIdSql = """
        SELECT 'project' AS kind, project_id AS id, name, pm_email AS pmemail FROM projects
        WHERE tenant_id = @tenant AND project_id = ANY(@ids) AND @wantProjects
        UNION ALL
        SELECT 'payer', payer_id, name, NULL FROM payers
        WHERE tenant_id = @tenant AND payer_id = ANY(@ids) AND @wantPayers
        """;

    // f_question_candidates (0008) filters on the scope's allometry.tenant_id itself, so it can
    // use the trigram indexes that row-level security would otherwise keep the planner from using.
    private const string ByNameSql = """
        SELECT kind, id, name, pmemail, score
        FROM f_question_candidates(@text, @wantProjects, @wantPayers)
        ORDER BY score DESC, whole DESC, id
        LIMIT 24
        """;

    /// <summary>Resolves <paramref name="question"/>'s code or subject within the scope's tenant.</summary>
    public static async Task<SubjectResolution> ResolveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, ParsedQuestion question, CancellationToken ct)
    {
        var wantProjects = question.Hint != SubjectHint.Payer;
        var wantPayers = question.Hint != SubjectHint.Project;
        if (question.Code is { } code)
        {
            var byId = await connection.QueryAsync<CandidateRow>(new CommandDefinition(ByIdSql,
                new { tenant = tenantId, ids = IdVariants(code), wantProjects, wantPayers }, transaction, cancellationToken: ct)).ConfigureAwait(false);
            var found = byId.Select(r => r.ToSubject()).ToList();
            if (found.Count > 0) return new SubjectResolution(found);
        }
        var text = string.Join(' ', new[] { question.Subject, question.Code }.Where(s => s is not null));
        if (text.Length == 0) return new SubjectResolution([]);
        var rows = (await connection.QueryAsync<CandidateRow>(new CommandDefinition(ByNameSql,
            new { text, wantProjects, wantPayers }, transaction, cancellationToken: ct)).ConfigureAwait(false)).ToList();
        if (rows.Count == 0) return new SubjectResolution([]);
        var best = rows[0].Score;
        return new SubjectResolution([.. rows.Where(r => r.Score >= best - TieMargin).Take(MaxChoices).Select(r => r.ToSubject())]);
    }

    /// <summary>"prj1111" → PRJ1111 and PRJ-1111; "p-14" → P-14.</summary>
    internal static string[] IdVariants(string code)
    {
        var upper = code.ToUpperInvariant();
        var hyphenated = LettersThenDigits().Replace(upper, "$1-$2");
        return upper == hyphenated ? [upper] : [upper, hyphenated];
    }

    [GeneratedRegex(@"^([A-Z]+)(\d+)$")]
    private static partial Regex LettersThenDigits();

    private sealed class CandidateRow
    {
        public string Kind { get; init; } = "";
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string? PmEmail { get; init; }
        public double Score { get; init; }

        public SubjectRef ToSubject() => new(Kind == "project" ? SubjectKind.Project : SubjectKind.Payer, Id, Name, PmEmail);
    }
}
