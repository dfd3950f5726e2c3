namespace Allometry.Core.Postgres.Digests;

using System.Globalization;
using Allometry.Core.Cards;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Tenancy;
using Dapper;
using Npgsql;

/// <summary>
/// Channel subscriptions to the morning digest and the weekly summary, one tenant at a time
/// through a <see cref="TenantScope"/> (row-level security keeps other tenants' rows out).
/// </summary>
public sealed class SubscriptionStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        subscription_id AS SubscriptionId, tenant_id AS TenantId, kind AS Kind, platform AS Platform, realm AS Realm,
        conversation_id AS ConversationId, service_url AS ServiceUrl, language::text AS Language,
        to_char(local_time, 'HH24:MI') AS LocalTime, time_zone AS TimeZone, weekday AS Weekday, filters::text AS Filters,
        created_by AS CreatedBy, to_char(last_sent_on, 'YYYY-MM-DD') AS LastSentOn
        """;

    private const string InsertSql = """
        INSERT INTO digest_subscriptions
            (tenant_id, kind, platform, realm, conversation_id, service_url, language, local_time, time_zone, weekday, filters, created_by)
        VALUES (@TenantId, @Kind, @Platform, @Realm, @ConversationId, @ServiceUrl, @Language, @LocalTime::time, @TimeZone, @Weekday, @Filters::jsonb, @CreatedBy)
        RETURNING subscription_id
        """;

    /// <summary>Stores <paramref name="subscription"/> and returns it with its id.</summary>
    /// <exception cref="ArgumentException">The time zone is not an IANA zone this machine knows.</exception>
    public async Task<DigestSubscription> AddAsync(DigestSubscription subscription, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(subscription.TimeZone, out _))
        {
            throw new ArgumentException($"Unknown time zone '{subscription.TimeZone}' (use an IANA name such as America/Toronto) / fuseau horaire inconnu");
        }
        var weekday = subscription.Kind == DigestKind.Weekly ? subscription.Weekday ?? DayOfWeek.Monday : (DayOfWeek?)null;
        await using var scope = await TenantScope.BeginAsync(dataSource, subscription.TenantId, ct).ConfigureAwait(false);
        var id = await scope.Connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql, new
        {
            subscription.TenantId,
            Kind = LedgerVocabulary.ToCode(subscription.Kind),
            Platform = LedgerVocabulary.ToCode(subscription.Channel.Platform),
            subscription.Channel.Realm,
            subscription.Channel.ConversationId,
            subscription.Channel.ServiceUrl,
            Language = LedgerVocabulary.ToCode(subscription.Language),
            LocalTime = subscription.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            subscription.TimeZone,
            Weekday = weekday is { } d ? (short?)(d == DayOfWeek.Sunday ? 7 : (int)d) : null,
            Filters = DigestFilterJson.Write(subscription.Filter),
            subscription.CreatedBy,
        }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
        await scope.CommitAsync(ct).ConfigureAwait(false);
        return subscription with { SubscriptionId = id, Weekday = weekday };
    }

    private const string ListSql = $"SELECT {Columns} FROM digest_subscriptions WHERE tenant_id = @tenant ORDER BY subscription_id";

    /// <summary>The tenant's subscriptions, oldest first.</summary>
    public async Task<IReadOnlyList<DigestSubscription>> ListAsync(string tenantId, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct).ConfigureAwait(false);
        var rows = await scope.Connection.QueryAsync<Row>(new CommandDefinition(ListSql, new { tenant = tenantId }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToSubscription())];
    }

    private const string GetSql = $"SELECT {Columns} FROM digest_subscriptions WHERE tenant_id = @tenant AND subscription_id = @id";

    /// <summary>One subscription of the tenant, or null (another tenant's id reads as null).</summary>
    public async Task<DigestSubscription?> GetAsync(string tenantId, long subscriptionId, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct).ConfigureAwait(false);
        var row = await scope.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(GetSql, new { tenant = tenantId, id = subscriptionId }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
        return row?.ToSubscription();
    }

    private const string RemoveSql = "DELETE FROM digest_subscriptions WHERE tenant_id = @tenant AND subscription_id = @id";

    /// <summary>Removes a subscription (and its stored weekly figures); false when the tenant has no such subscription.</summary>
    public async Task<bool> RemoveAsync(string tenantId, long subscriptionId, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct).ConfigureAwait(false);
        var removed = await scope.Connection.ExecuteAsync(new CommandDefinition(RemoveSql, new { tenant = tenantId, id = subscriptionId }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
        await scope.CommitAsync(ct).ConfigureAwait(false);
        return removed > 0;
    }

    private const string MarkSentSql = "UPDATE digest_subscriptions SET last_sent_on = @on WHERE tenant_id = @tenant AND subscription_id = @id";

    /// <summary>Records that the digest for local date <paramref name="on"/> was posted (for the scheduler).</summary>
    public async Task MarkSentAsync(string tenantId, long subscriptionId, DateOnly on, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct).ConfigureAwait(false);
        await scope.Connection.ExecuteAsync(new CommandDefinition(MarkSentSql, new { tenant = tenantId, id = subscriptionId, on = on.ToDateTime(TimeOnly.MinValue) }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
        await scope.CommitAsync(ct).ConfigureAwait(false);
    }

    private sealed record Row
    {
        public long SubscriptionId { get; init; }
        public string TenantId { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Platform { get; init; } = "";
        public string Realm { get; init; } = "";
        public string ConversationId { get; init; } = "";
        public string? ServiceUrl { get; init; }
        public string Language { get; init; } = "en";
        public string LocalTime { get; init; } = "";
        public string TimeZone { get; init; } = "";
        public short? Weekday { get; init; }
        public string Filters { get; init; } = "{}";
        public string? CreatedBy { get; init; }
        public string? LastSentOn { get; init; }

        public DigestSubscription ToSubscription() => new()
        {
            SubscriptionId = SubscriptionId,
            TenantId = TenantId,
            Kind = LedgerVocabulary.Parse<DigestKind>(Kind),
            Channel = new ChannelAddress(LedgerVocabulary.Parse<Platform>(Platform), Realm, ConversationId, ServiceUrl),
            Language = LedgerVocabulary.Parse<Language>(Language),
            LocalTime = TimeOnly.ParseExact(LocalTime, "HH:mm", CultureInfo.InvariantCulture),
            TimeZone = TimeZone,
            Weekday = Weekday is { } w ? (DayOfWeek)(w % 7) : null,
            Filter = DigestFilterJson.Read(Filters),
            CreatedBy = CreatedBy,
            LastSentOn = LastSentOn is { } s ? DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        };
    }
}
