namespace Allometry.Core.Postgres.Digests;

using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.Entities;
using Allometry.Core.Exceptions;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Tenancy;
using Allometry.Core.Rules;
using Allometry.Core.Scoring;
using Npgsql;

/// <summary>
/// A viewer's queue as exception cards: open and snoozed exceptions in risk-queue order (payer
/// rank, severity, money at risk), each with its payer's score, re-route choices from the entity
/// graph and only the actions the viewer's role allows. Project managers see their own projects
/// (their email is the project's PM) unless the tenant opens every project to them.
/// </summary>
public sealed class QueueCardService(NpgsqlDataSource dataSource, RiskQueueService queue)
{
    private const string ExceptionsSql = """
        SELECT e.exception_id, e.version, e.rule_id, e.severity::text, e.amount_at_risk, e.currency::text,
               e.title_en, e.title_fr, e.detail_en, e.detail_fr, e.action_en, e.action_fr, e.evidence::text, e.status::text,
               e.payer_id, p.name, e.project_id, pr.pm_email, e.snoozed_until, e.snooze_reason, e.escalated_to,
               e.escalation_note, e.rerouted_payer_id, e.assigned_to, e.first_seen_on
        FROM exceptions e
        LEFT JOIN payers p ON p.tenant_id = e.tenant_id AND p.payer_id = e.payer_id
        LEFT JOIN projects pr ON pr.tenant_id = e.tenant_id AND pr.project_id = e.project_id
        WHERE e.tenant_id = @tenant AND e.status = 'open' AND e.severity_rank >= 1
        """;

    /// <summary>The top <paramref name="top"/> cards for a viewer of <paramref name="role"/> (and <paramref name="viewerEmail"/>, a PM's own projects), and how many more there are.</summary>
    public async Task<(IReadOnlyList<ExceptionCard> Cards, int More)> ComposeAsync(string tenantId, Role role, Language language, string? viewerEmail, int top,
        PermissionSettings? settings, CancellationToken ct)
    {
        var risk = await queue.BuildAsync(tenantId, ct).ConfigureAwait(false);
        var ranks = RiskQueueService.RanksOf(risk);
        var snapshot = await queue.LoadSnapshotAsync(tenantId, ct).ConfigureAwait(false);
        var graph = snapshot is null ? EntityGraph.Empty : EntityGraph.Of(snapshot);
        var rows = await ReadAsync(tenantId, ct).ConfigureAwait(false);
        var permissions = settings ?? PermissionSettings.Default;
        bool Own(Row r) => viewerEmail is not null && string.Equals(r.PmEmail, viewerEmail, StringComparison.OrdinalIgnoreCase);
        var visible = rows
            .Where(r => role != Role.ProjectManager || permissions.ProjectManagersSeeAllProjects || Own(r))
            .OrderBy(r => r.Input.PayerId is { } p && ranks.TryGetValue(p, out var rank) ? rank : int.MaxValue)
            .ThenByDescending(r => r.Input.Severity).ThenByDescending(r => r.Input.AmountAtRisk).ThenBy(r => r.Input.ExceptionId)
            .ToList();
        var cards = visible.Take(Math.Max(0, top)).Select(r =>
        {
            var score = r.Input.PayerId is { } payer ? risk?.Scores.For(payer) : null;
            var choices = r.Input.PayerId is { } id && snapshot is not null ? Choices(graph, snapshot, id) : [];
            return ExceptionCardBuilder.Build(r.Input, score, new CardViewer(role, language, Own(r), permissions), choices);
        }).ToList();
        return (cards, visible.Count - cards.Count);
    }

    private static IReadOnlyList<CardChoice> Choices(EntityGraph graph, LedgerSnapshot snapshot, string payerId)
    {
        var linked = graph.GroupOf(payerId, snapshot.Meta.AsOf).Members
            .Concat(graph.LinksOf(payerId).SelectMany(l => new[] { l.FromPayerId, l.ToPayerId }))
            .Where(m => !string.Equals(m, payerId, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return [.. linked.Select(m => new CardChoice(snapshot.Payer(m)?.Name ?? m, m))];
    }

    private async Task<IReadOnlyList<Row>> ReadAsync(string tenantId, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(ExceptionsSql, scope.Connection, scope.Transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
        var rows = new List<Row>();
        await using var r = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            rows.Add(new Row(new ExceptionCardInput
            {
                ExceptionId = r.GetInt64(0),
                Version = r.GetInt32(1),
                RuleId = r.GetString(2),
                Severity = LedgerVocabulary.Parse<Severity>(r.GetString(3)),
                AmountAtRisk = r.GetDecimal(4),
                Currency = r.GetString(5),
                Title = new LocalizedText(r.GetString(6), r.GetString(7)),
                Detail = new LocalizedText(r.GetString(8), r.GetString(9)),
                SuggestedAction = new LocalizedText(r.GetString(10), r.GetString(11)),
                Evidence = EvidenceJson.Read(r.GetString(12)),
                Status = LedgerVocabulary.Parse<ExceptionStatus>(r.GetString(13)),
                PayerId = Text(14),
                PayerName = Text(15),
                ProjectId = Text(16),
                SnoozedUntil = r.IsDBNull(18) ? null : r.GetFieldValue<DateOnly>(18),
                SnoozeReason = Text(19),
                EscalatedTo = Text(20),
                EscalationNote = Text(21),
                ReroutedPayerId = Text(22),
                AssignedTo = Text(23),
                FirstSeenOn = r.GetFieldValue<DateOnly>(24),
            }, Text(17)));
        }
        return rows;
    }

    private sealed record Row(ExceptionCardInput Input, string? PmEmail);
}
