namespace Allometry.Core.Postgres.Digests;

using System.Collections.Concurrent;
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
/// One exception as the card a given viewer reads, in any status: the payer's score, re-route
/// choices from the entity graph, and only the actions the viewer's role allows. A click's reply
/// and a Teams refresh use it, so each viewer gets a fresh card composed for them;
/// <see cref="QueueCardService"/> composes its queue from the same reads.
/// </summary>
public sealed class ExceptionCardService(NpgsqlDataSource dataSource, RiskQueueService queue, TimeProvider? time = null)
{
    /// <summary>
    /// How long a tenant's scores and re-route choices are reused: scores move with ledger imports, not with clicks,
    /// and fifty people clicking one card must not re-run every rule fifty times (at 1,000,000 invoices one build reads
    /// the whole ledger: seconds and a gigabyte, given back once built).
    /// </summary>
    public static readonly TimeSpan RiskCacheLifetime = TimeSpan.FromMinutes(2);

    internal const string SelectSql = """
        SELECT e.exception_id, e.version, e.rule_id, e.severity::text, e.amount_at_risk, e.currency::text,
               e.title_en, e.title_fr, e.detail_en, e.detail_fr, e.action_en, e.action_fr, e.evidence::text, e.status::text,
               e.payer_id, p.name, e.project_id, pr.pm_email, e.snoozed_until, e.snooze_reason, e.escalated_to,
               e.escalation_note, e.rerouted_payer_id, e.assigned_to, e.first_seen_on, e.dismissed_reason
        FROM exceptions e
        LEFT JOIN payers p ON p.tenant_id = e.tenant_id AND p.payer_id = e.payer_id
        LEFT JOIN projects pr ON pr.tenant_id = e.tenant_id AND pr.project_id = e.project_id
        """;

    internal const string OneSql = SelectSql + " WHERE e.tenant_id = @tenant AND e.exception_id = @id";

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, Lazy<Task<Risk>> Risk)> _risk = new(StringComparer.Ordinal);

    // Forgets expired entries: they are small (scores and choices, never the ledger), but a host serving many
    // tenants must not keep every tenant it ever served.
    private ITimer? _sweep;

    /// <summary>
    /// The card of exception <paramref name="exceptionId"/> for <paramref name="viewer"/> in
    /// <paramref name="language"/>; null when the tenant has no such exception (another tenant's id
    /// reads as none, by row-level security) or the viewer has no role in the tenant.
    /// </summary>
    public async Task<ExceptionCard?> ComposeAsync(string tenantId, long exceptionId, InternalUser viewer, Language language,
        PermissionSettings? settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.RoleIn(tenantId) is not { } role) return null;
        var rows = await ReadAsync(dataSource, tenantId, OneSql, exceptionId, ct).ConfigureAwait(false);
        if (rows.Count == 0) return null;
        var row = rows[0];
        var risk = await RiskAsync(tenantId, ct).ConfigureAwait(false);
        var own = row.PmEmail is { } pm && string.Equals(pm.Trim(), viewer.Email, StringComparison.OrdinalIgnoreCase);
        return risk.Build(row, new CardViewer(role, language, own, settings ?? PermissionSettings.Default));
    }

    /// <summary>
    /// The card of exception <paramref name="exceptionId"/> as posted where several people read it (a digest in a
    /// channel): every action some role may take; each click is authorized against who clicks. Null when the tenant
    /// has no such exception.
    /// </summary>
    public async Task<ExceptionCard?> ComposeForChannelAsync(string tenantId, long exceptionId, Language language, PermissionSettings? settings,
        CancellationToken ct)
    {
        var rows = await ReadAsync(dataSource, tenantId, OneSql, exceptionId, ct).ConfigureAwait(false);
        if (rows.Count == 0) return null;
        var risk = await RiskAsync(tenantId, ct).ConfigureAwait(false);
        return risk.Build(rows[0], CardViewer.Channel(language, settings ?? PermissionSettings.Default));
    }

    internal static ExceptionCard Build(ExceptionRow row, CollectionsQueue? queue, LedgerSnapshot? snapshot, EntityGraph graph, CardViewer viewer)
    {
        var score = (row.Input.ReroutedPayerId ?? row.Input.PayerId) is { } payer ? queue?.Scores.For(payer) : null; // a re-routed exception ranks with its new payer
        var choices = row.Input.PayerId is { } id && snapshot is not null ? Choices(graph, snapshot, id) : [];
        return ExceptionCardBuilder.Build(row.Input, score, viewer, choices);
    }

    /// <summary>Linked entities a follow-up can move to: the payer's group and direct links, itself excluded.</summary>
    internal static IReadOnlyList<CardChoice> Choices(EntityGraph graph, LedgerSnapshot snapshot, string payerId)
    {
        var linked = graph.GroupOf(payerId, snapshot.Meta.AsOf).Members
            .Concat(graph.LinksOf(payerId).SelectMany(l => new[] { l.FromPayerId, l.ToPayerId }))
            .Where(m => !string.Equals(m, payerId, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return [.. linked.Select(m => new CardChoice(snapshot.Payer(m)?.Name ?? m, m))];
    }

    /// <summary>
    /// The tenant's risk queue, shared by concurrent callers (one load, not one per click). The load
    /// is not tied to any caller's token: one cancelled request must not fail the others waiting on it.
    /// </summary>
    private async Task<Risk> RiskAsync(string tenantId, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        if (Volatile.Read(ref _sweep) is null)
        {
            var sweep = _time.CreateTimer(static state => ((ExceptionCardService)state!).Sweep(), this, RiskCacheLifetime, RiskCacheLifetime);
            if (Interlocked.CompareExchange(ref _sweep, sweep, null) is not null) sweep.Dispose();
        }
        Lazy<Task<Risk>> Load() => new(() => LoadRiskAsync(tenantId, CancellationToken.None));
        var entry = _risk.AddOrUpdate(tenantId,
            _ => (now, Load()),
            (_, old) => now - old.At < RiskCacheLifetime && !old.Risk.Value.IsFaulted && !old.Risk.Value.IsCanceled ? old : (now, Load()));
        return await entry.Risk.Value.WaitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>How many tenants' risk queues are held now.</summary>
    internal int CachedRiskQueues => _risk.Count;

    private void Sweep()
    {
        var now = _time.GetUtcNow();
        foreach (var entry in _risk)
        {
            // Removes only the entry it saw: one refreshed meanwhile stays.
            if (now - entry.Value.At >= RiskCacheLifetime) _risk.TryRemove(entry);
        }
    }

    // Keeps only what a card reads — each payer's score and each linked payer's re-route choices — so the ledger the
    // queue was built from is garbage once this returns (the cached queue used to hold it: ~1 GB at 1,000,000 invoices).
    private async Task<Risk> LoadRiskAsync(string tenantId, CancellationToken ct)
    {
        var snapshot = await queue.LoadSnapshotAsync(tenantId, ct).ConfigureAwait(false);
        if (snapshot is null) return Risk.None;
        var built = await queue.BuildAsync(tenantId, snapshot, ct).ConfigureAwait(false);
        var graph = EntityGraph.Of(snapshot);
        var choices = new Dictionary<string, IReadOnlyList<CardChoice>>(StringComparer.Ordinal);
        foreach (var payer in snapshot.Payers)
        {
            var linked = Choices(graph, snapshot, payer.PayerId);
            if (linked.Count > 0) choices[payer.PayerId] = linked;
        }
        var scores = new Dictionary<string, RiskScore>(StringComparer.Ordinal);
        foreach (var score in built.Scores.All) scores.TryAdd(score.PayerId, score);
        return new Risk(scores, choices);
    }

    /// <summary>Reads exception rows with <paramref name="sql"/> (<see cref="SelectSql"/> plus a WHERE on @tenant and optionally @id).</summary>
    internal static async Task<IReadOnlyList<ExceptionRow>> ReadAsync(NpgsqlDataSource dataSource, string tenantId, string sql, long? id, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct).ConfigureAwait(false);
        return await ReadAsync(scope.Connection, scope.Transaction, tenantId, sql, id, ct).ConfigureAwait(false);
    }

    /// <summary>The same read inside the caller's tenant-scoped transaction (the outbox composes inside the state change's).</summary>
    internal static async Task<IReadOnlyList<ExceptionRow>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, string sql,
        long? id, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
        if (id is { } exceptionId) command.Parameters.Add(new NpgsqlParameter<long>("id", exceptionId));
        var rows = new List<ExceptionRow>();
        await using var r = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            rows.Add(new ExceptionRow(new ExceptionCardInput
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
                DismissedReason = Text(25),
            }, Text(17)));
        }
        return rows;
    }

    /// <summary>A tenant's scores by payer and re-route choices by payer: all a card needs of its ledger.</summary>
    private sealed record Risk(IReadOnlyDictionary<string, RiskScore> Scores, IReadOnlyDictionary<string, IReadOnlyList<CardChoice>> Choices)
    {
        public static Risk None { get; } = new(new Dictionary<string, RiskScore>(), new Dictionary<string, IReadOnlyList<CardChoice>>());

        // As the static Build: a re-routed exception ranks with its new payer; choices are the original payer's links.
        public ExceptionCard Build(ExceptionRow row, CardViewer viewer)
        {
            var score = (row.Input.ReroutedPayerId ?? row.Input.PayerId) is { } payer ? Scores.GetValueOrDefault(payer) : null;
            var choices = row.Input.PayerId is { } id ? Choices.GetValueOrDefault(id) ?? [] : [];
            return ExceptionCardBuilder.Build(row.Input, score, viewer, choices);
        }
    }
}

/// <summary>An exception as read for a card, with its project's manager (who counts as "own project").</summary>
internal sealed record ExceptionRow(ExceptionCardInput Input, string? PmEmail);
