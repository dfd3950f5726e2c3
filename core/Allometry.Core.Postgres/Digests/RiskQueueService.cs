namespace Allometry.Core.Postgres.Digests;

using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Scoring;

/// <summary>
/// The tenant's risk-scored collections queue (<see cref="CollectionsQueue"/>) on its ledger's
/// as-of date: the payers' order the digest follows and the scores exception cards show.
/// </summary>
public sealed class RiskQueueService(LedgerSnapshotStore snapshots, RuleSettingsStore settings)
{
    private readonly RuleEngine _engine = RuleCatalog.CreateEngine();

    /// <summary>The tenant's ledger, or null when it has none imported.</summary>
    public async Task<LedgerSnapshot?> LoadSnapshotAsync(string tenantId, CancellationToken ct)
    {
        try
        {
            return await snapshots.LoadAsync(tenantId, ct).ConfigureAwait(false);
        }
        catch (LedgerNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The queue, or null when the tenant has no imported ledger.</summary>
    public async Task<CollectionsQueue?> BuildAsync(string tenantId, CancellationToken ct) =>
        await LoadSnapshotAsync(tenantId, ct).ConfigureAwait(false) is { } snapshot ? await BuildAsync(tenantId, snapshot, ct).ConfigureAwait(false) : null;

    /// <summary>
    /// The queue on a ledger the caller already loaded: a caller that also needs the ledger (a card's re-route
    /// choices) reads it once, not twice — at 1,000,000 invoices each read is seconds and a gigabyte.
    /// </summary>
    public async Task<CollectionsQueue> BuildAsync(string tenantId, LedgerSnapshot snapshot, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var rules = await settings.LoadAsync(tenantId, ct).ConfigureAwait(false);
        var reroutes = await settings.LoadReroutesAsync(tenantId, ct).ConfigureAwait(false);
        var asOf = snapshot.Meta.AsOf;
        var evaluation = _engine.Evaluate(new RuleContext(snapshot, asOf, rules) { Reroutes = reroutes });
        return CollectionsQueue.Build(snapshot, evaluation, asOf, ScoringSettings.Default with { Rules = rules }, reroutes: reroutes);
    }

    /// <summary>Each queued payer's 1-based rank (collect lane first, then the disputes lane).</summary>
    public static IReadOnlyDictionary<string, int> RanksOf(CollectionsQueue? queue)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        if (queue is null) return ranks;
        foreach (var item in queue.Items.Concat(queue.Disputes))
        {
            ranks.TryAdd(item.PayerId, ranks.Count + 1);
        }
        return ranks;
    }
}
