namespace Allometry.Core.Postgres.Questions;

using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Digests;
using Allometry.Core.Postgres.Tenancy;
using Allometry.Core.Questions;
using Npgsql;

/// <summary>
/// Answers a question typed in chat (English or French) with a card: understands it
/// (<see cref="IntentRecognizer"/>), resolves the name it mentions within the asker's tenant
/// (<see cref="SubjectResolver"/>), checks the asker may see it (<see cref="PermissionMatrix"/>),
/// reads the ledger and builds the answer. Everything runs in one read-only
/// <see cref="TenantScope"/>, so row-level security bounds every query to the tenant — fuzzy name
/// search included. "Top risks" and "my queue" follow the risk-scored collections queue
/// (<see cref="RiskQueueService"/>: payer rank, then severity and money at risk) when one is given.
/// </summary>
public sealed class QuestionService(NpgsqlDataSource dataSource, TimeProvider? timeProvider = null, RiskQueueService? riskQueue = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>How far back "what changed since yesterday" looks.</summary>
    public static readonly TimeSpan ChangeWindow = TimeSpan.FromHours(24);

    /// <summary>The renewal horizon when the question gives none.</summary>
    public const int DefaultRenewalDays = 60;

    /// <summary>Answers <paramref name="text"/> asked by <paramref name="asker"/> in <paramref name="tenantId"/>.</summary>
    public async Task<Card> AskAsync(string tenantId, InternalUser asker, string text, QuestionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(context);
        var parsed = IntentRecognizer.Recognize(text, context.Language ?? asker.Language);
        var language = context.Language ?? parsed.Language;
        if (asker.RoleIn(tenantId) is not { } role || !PermissionMatrix.Allows(role, ActionVerb.Ask, ownProject: true, context.Permissions))
        {
            return NoticeBuilder.NotMember(language);
        }
        switch (parsed.Intent)
        {
            case QuestionIntent.Help: return NoticeBuilder.Help(language);
            case QuestionIntent.Unknown: return NoticeBuilder.Unknown(language);
        }
        var restrictedPm = role == Role.ProjectManager && !context.Permissions.ProjectManagersSeeAllProjects ? asker.Email : null;
        // The queue evaluates the whole ledger: built only for the lists ranked by it, before the read-only scope opens.
        var queue = parsed.Intent is QuestionIntent.TopRisks or QuestionIntent.MyQueue && riskQueue is not null
            ? await riskQueue.BuildAsync(tenantId, ct).ConfigureAwait(false)
            : null;

        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct).ConfigureAwait(false);
        var (c, t) = (scope.Connection, scope.Transaction);
        if (!parsed.NeedsSubject)
        {
            var asOf = await AsOfAsync(c, t, tenantId, ct).ConfigureAwait(false);
            var query = new ListQuery(asOf, parsed.Days ?? DefaultRenewalDays, _time.GetUtcNow() - ChangeWindow, asker.Email, restrictedPm)
            {
                PayerRanks = RiskQueueService.RanksOf(queue),
                PayerScores = queue is null ? new Dictionary<string, decimal>() : RiskQueueService.RanksOf(queue).Keys
                    .Select(p => (Payer: p, Score: queue.Scores.For(p))).Where(x => x.Score is not null)
                    .ToDictionary(x => x.Payer, x => x.Score!.Score, StringComparer.Ordinal),
            };
            var rows = await ListAnswerQueries.ReadAsync(c, t, tenantId, parsed.Intent, query, language, ct).ConfigureAwait(false);
            return ListAnswerBuilder.Build(parsed.Intent, rows, query.Days, language);
        }

        var resolution = await ResolveAsync(c, t, tenantId, parsed, context, ct).ConfigureAwait(false);
        if (resolution is null) return NoticeBuilder.NeedSubject(language);
        if (parsed.Intent == QuestionIntent.GroupExposure && resolution.IsAmbiguous)
        {
            resolution = await SameGroupAsync(c, t, tenantId, resolution, await AsOfAsync(c, t, tenantId, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        }
        if (resolution.Candidates.Count == 0) return NoticeBuilder.NotFound(parsed.Subject ?? parsed.Code ?? "", language);
        if (resolution.Resolved is not { } subject) return NoticeBuilder.Choices(text, resolution.Candidates, language);

        if (subject.Kind == SubjectKind.Project && restrictedPm is not null
            && !string.Equals(subject.PmEmail, restrictedPm, StringComparison.OrdinalIgnoreCase))
        {
            return NoticeBuilder.Refused(subject, language);
        }
        return await AnswerAsync(c, t, tenantId, parsed.Intent, subject, restrictedPm, language, ct).ConfigureAwait(false);
    }

    /// <summary>The ledger's date (its latest import); today when nothing was imported.</summary>
    private async Task<DateOnly> AsOfAsync(NpgsqlConnection c, NpgsqlTransaction t, string tenantId, CancellationToken ct) =>
        await LedgerAnswerQueries.AsOfAsync(c, t, tenantId, ct).ConfigureAwait(false) ?? Today;

    private DateOnly Today => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

    private static async Task<SubjectResolution?> ResolveAsync(
        NpgsqlConnection c, NpgsqlTransaction t, string tenantId, ParsedQuestion parsed, QuestionContext context, CancellationToken ct)
    {
        if (context.ChosenSubjectId is { } chosen)
        {
            return await SubjectResolver.ResolveAsync(c, t, tenantId, parsed with { Code = chosen, Subject = null, Hint = SubjectHint.Any }, ct).ConfigureAwait(false);
        }
        if (parsed.HasSubject)
        {
            var found = await SubjectResolver.ResolveAsync(c, t, tenantId, parsed, ct).ConfigureAwait(false);
            if (found.Candidates.Count > 0 || context.ChannelProjectId is null) return found;
        }
        if (context.ChannelProjectId is { } bound)
        {
            return await SubjectResolver.ResolveAsync(c, t, tenantId, parsed with { Code = bound, Subject = null, Hint = SubjectHint.Project }, ct).ConfigureAwait(false);
        }
        return null;
    }

    /// <summary>"Exposure for group Érablière" names several members of one group: that group is the answer.</summary>
    private static async Task<SubjectResolution> SameGroupAsync(
        NpgsqlConnection c, NpgsqlTransaction t, string tenantId, SubjectResolution resolution, DateOnly asOf, CancellationToken ct)
    {
        var graph = await LedgerAnswerQueries.GraphAsync(c, t, tenantId, ct).ConfigureAwait(false);
        var roots = resolution.Candidates.Where(s => s.Kind == SubjectKind.Payer)
            .Select(s => graph.RootOf(s.Id, asOf)).Distinct(StringComparer.Ordinal).ToList();
        if (roots.Count != 1) return resolution;
        var root = await LedgerAnswerQueries.PayerRefsAsync(c, t, tenantId, roots, ct).ConfigureAwait(false);
        return new SubjectResolution(root);
    }

    private async Task<Card> AnswerAsync(
        NpgsqlConnection c, NpgsqlTransaction t, string tenantId, QuestionIntent intent, SubjectRef subject,
        string? restrictedPm, Language language, CancellationToken ct)
    {
        switch (intent, subject.Kind)
        {
            case (QuestionIntent.Owed, SubjectKind.Project):
            {
                var (invoices, held, asOf) = await LedgerAnswerQueries.ProjectAsync(c, t, tenantId, subject.Id, depositsOnly: false, ct).ConfigureAwait(false);
                return AnswerBuilder.Owed(subject, invoices, held, asOf ?? Today, language);
            }
            case (QuestionIntent.Owed, SubjectKind.Payer):
            {
                var invoices = await LedgerAnswerQueries.PayersAsync(c, t, tenantId, [subject.Id], restrictedPm, ct).ConfigureAwait(false);
                return AnswerBuilder.Owed(subject, invoices, 0m, await AsOfAsync(c, t, tenantId, ct).ConfigureAwait(false), language);
            }
            case (QuestionIntent.Deposit, SubjectKind.Project):
            {
                var (deposits, _, _) = await LedgerAnswerQueries.ProjectAsync(c, t, tenantId, subject.Id, depositsOnly: true, ct).ConfigureAwait(false);
                return AnswerBuilder.Deposit(subject, deposits, language);
            }
            case (QuestionIntent.Retainage, SubjectKind.Project):
            {
                var holds = await LedgerAnswerQueries.HoldsAsync(c, t, tenantId, subject.Id, ct).ConfigureAwait(false);
                return AnswerBuilder.Retainage(subject, holds, await AsOfAsync(c, t, tenantId, ct).ConfigureAwait(false), language);
            }
            case (QuestionIntent.GroupExposure, SubjectKind.Payer):
            {
                var graph = await LedgerAnswerQueries.GraphAsync(c, t, tenantId, ct).ConfigureAwait(false);
                var group = graph.GroupOf(subject.Id, await AsOfAsync(c, t, tenantId, ct).ConfigureAwait(false));
                var members = await LedgerAnswerQueries.PayerRefsAsync(c, t, tenantId, group.Members, ct).ConfigureAwait(false);
                var root = members.FirstOrDefault(m => m.Id == group.RootId) ?? subject;
                var invoices = await LedgerAnswerQueries.PayersAsync(c, t, tenantId, group.Members, restrictedPm, ct).ConfigureAwait(false);
                return AnswerBuilder.GroupExposure(root, members, invoices, language);
            }
            default:
                return NoticeBuilder.NeedSubject(language);
        }
    }
}
