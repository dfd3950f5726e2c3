namespace Allometry.Core.Postgres.Digests;

using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.Entities;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Npgsql;

/// <summary>
/// A viewer's queue as exception cards: open and snoozed exceptions in risk-queue order (payer
/// rank, severity, money at risk), each with its payer's score, re-route choices from the entity
/// graph and only the actions the viewer's role allows. Project managers see their own projects
/// (their email is the project's PM) unless the tenant opens every project to them.
/// </summary>
public sealed class QueueCardService(NpgsqlDataSource dataSource, RiskQueueService queue)
{
    private const string ExceptionsSql = ExceptionCardService.SelectSql + " WHERE e.tenant_id = @tenant AND e.status = 'open' AND e.severity_rank >= 1";

    /// <summary>The top <paramref name="top"/> cards for a viewer of <paramref name="role"/> (and <paramref name="viewerEmail"/>, a PM's own projects), and how many more there are.</summary>
    public async Task<(IReadOnlyList<ExceptionCard> Cards, int More)> ComposeAsync(string tenantId, Role role, Language language, string? viewerEmail, int top,
        PermissionSettings? settings, CancellationToken ct)
    {
        var snapshot = await queue.LoadSnapshotAsync(tenantId, ct).ConfigureAwait(false);
        var risk = snapshot is null ? null : await queue.BuildAsync(tenantId, snapshot, ct).ConfigureAwait(false);
        var ranks = RiskQueueService.RanksOf(risk);
        var graph = snapshot is null ? EntityGraph.Empty : EntityGraph.Of(snapshot);
        var rows = await ExceptionCardService.ReadAsync(dataSource, tenantId, ExceptionsSql, null, ct).ConfigureAwait(false);
        var permissions = settings ?? PermissionSettings.Default;
        bool Own(ExceptionRow r) => viewerEmail is not null && string.Equals(r.PmEmail, viewerEmail, StringComparison.OrdinalIgnoreCase);
        var visible = rows
            .Where(r => role != Role.ProjectManager || permissions.ProjectManagersSeeAllProjects || Own(r))
            .OrderBy(r => (r.Input.ReroutedPayerId ?? r.Input.PayerId) is { } p && ranks.TryGetValue(p, out var rank) ? rank : int.MaxValue)
            .ThenByDescending(r => r.Input.Severity).ThenByDescending(r => r.Input.AmountAtRisk).ThenBy(r => r.Input.ExceptionId)
            .ToList();
        var cards = visible.Take(Math.Max(0, top))
            .Select(r => ExceptionCardService.Build(r, risk, snapshot, graph, new CardViewer(role, language, Own(r), permissions)))
            .ToList();
        return (cards, visible.Count - cards.Count);
    }
}
