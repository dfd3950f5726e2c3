namespace Allometry.Core.Postgres.Digests;

using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Tenancy;
using Allometry.Core.Rules;
using Dapper;
using Npgsql;

/// <summary>
/// Composes the card a subscription receives: the morning <see cref="DigestCard"/> or the weekly
/// <see cref="WeeklySummaryCard"/> (see <c>DigestService.Weekly.cs</c>), reading the tenant's rows
/// through a <see cref="TenantScope"/>. Composing does not post; the host's scheduler does.
/// </summary>
public sealed partial class DigestService(NpgsqlDataSource dataSource, SubscriptionStore subscriptions, RiskQueueService queue, TimeProvider time)
{
    private const string CandidatesSql = """
        SELECT e.exception_id AS ExceptionId, e.version AS Version, e.severity::text AS Severity,
               e.amount_at_risk AS AmountAtRisk, e.currency::text AS Currency, e.title_en AS TitleEn, e.title_fr AS TitleFr,
               e.payer_id AS PayerId, p.name AS PayerName, e.project_id AS ProjectId, pr.name AS ProjectName,
               pr.site_province::text AS Province, pr.pm_email AS ProjectManager
        FROM exceptions e
        LEFT JOIN payers p ON p.tenant_id = e.tenant_id AND p.payer_id = e.payer_id
        LEFT JOIN projects pr ON pr.tenant_id = e.tenant_id AND pr.project_id = e.project_id
        WHERE e.tenant_id = @tenant AND e.status = 'open' AND e.severity_rank >= @minRank
        """;

    /// <summary>The morning digest of subscription <paramref name="subscriptionId"/>, for today in its time zone.</summary>
    /// <exception cref="KeyNotFoundException">The tenant has no such subscription.</exception>
    public async Task<DigestCard> ComposeMorningAsync(string tenantId, long subscriptionId, CancellationToken ct)
    {
        var subscription = await subscriptions.GetAsync(tenantId, subscriptionId, ct).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"No subscription {subscriptionId} for tenant {tenantId} / aucun abonnement {subscriptionId}");
        return await ComposeMorningAsync(subscription, ct).ConfigureAwait(false);
    }

    /// <summary>The morning digest of <paramref name="subscription"/>, for today in its time zone.</summary>
    public async Task<DigestCard> ComposeMorningAsync(DigestSubscription subscription, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var ranks = RiskQueueService.RanksOf(await queue.BuildAsync(subscription.TenantId, ct).ConfigureAwait(false));
        var candidates = await CandidatesAsync(subscription.TenantId, subscription.Filter.MinSeverity, ct).ConfigureAwait(false);
        var ranked = candidates.Select(c => c with { QueueRank = c.PayerId is { } p && ranks.TryGetValue(p, out var r) ? r : null });
        return DigestBuilder.Build(ranked, subscription.Filter, subscription.Language, LocalToday(subscription.TimeZone), subscription.TenantId);
    }

    /// <summary>Today's date in <paramref name="timeZone"/> (IANA), from the service's clock.</summary>
    public DateOnly LocalToday(string timeZone)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
    }

    private async Task<IReadOnlyList<DigestCandidate>> CandidatesAsync(string tenantId, Severity minSeverity, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct).ConfigureAwait(false);
        var rows = await scope.Connection.QueryAsync<CandidateRow>(new CommandDefinition(CandidatesSql,
            new { tenant = tenantId, minRank = (short)minSeverity }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows.Select(r => new DigestCandidate
        {
            ExceptionId = r.ExceptionId,
            Version = r.Version,
            Severity = LedgerVocabulary.Parse<Severity>(r.Severity),
            AmountAtRisk = r.AmountAtRisk,
            Currency = r.Currency,
            Title = new LocalizedText(r.TitleEn, r.TitleFr),
            PayerId = r.PayerId,
            PayerName = r.PayerName,
            ProjectId = r.ProjectId,
            ProjectName = r.ProjectName,
            Province = r.Province,
            ProjectManager = r.ProjectManager,
        })];
    }

    private sealed record CandidateRow
    {
        public long ExceptionId { get; init; }
        public int Version { get; init; }
        public string Severity { get; init; } = "";
        public decimal AmountAtRisk { get; init; }
        public string Currency { get; init; } = "CAD";
        public string TitleEn { get; init; } = "";
        public string TitleFr { get; init; } = "";
        public string? PayerId { get; init; }
        public string? PayerName { get; init; }
        public string? ProjectId { get; init; }
        public string? ProjectName { get; init; }
        public string? Province { get; init; }
        public string? ProjectManager { get; init; }
    }
}
