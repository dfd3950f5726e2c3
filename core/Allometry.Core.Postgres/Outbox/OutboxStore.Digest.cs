namespace Allometry.Core.Postgres.Outbox;

using System.Globalization;
using Allometry.Core.Cards;
using Allometry.Core.Postgres.People;
using Npgsql;
using NpgsqlTypes;

// A digest posts each exception's card in the subscription's channel. The delivery row is
// inserted first and the outbox row only from what that insert returned, so a digest job that
// runs twice (two instances, a retry after a crash) queues each card at most once per day.
public sealed partial class OutboxStore
{
    private const string DigestSql = """
        WITH input AS (
            SELECT * FROM unnest(@exceptionIds, @cards, @languages) AS i(exception_id, card, language)
        ),
        delivered AS (
            INSERT INTO digest_deliveries (tenant_id, subscription_id, exception_id, local_date, created_at)
            SELECT @tenant, @subscription, i.exception_id, @date, @now FROM input i
            ON CONFLICT (tenant_id, subscription_id, exception_id, local_date) DO NOTHING
            RETURNING exception_id
        ),
        queued AS (
            INSERT INTO outbox (tenant_id, platform, realm, conversation_id, service_url, kind, card, language, exception_id,
                                dedupe_key, next_attempt_at, created_at, updated_at)
            SELECT @tenant, @platform, @realm, @conversation, @serviceUrl, 'post', i.card, i.language, i.exception_id,
                   'digest:' || @subscription || ':' || @dateText || ':' || i.exception_id, @now, @now, @now
            FROM delivered d JOIN input i ON i.exception_id = d.exception_id
            ON CONFLICT (tenant_id, dedupe_key) DO NOTHING
            RETURNING 1
        )
        SELECT count(*)::int FROM queued
        """;

    /// <summary>
    /// Queues each of <paramref name="cards"/> as a post to <paramref name="channel"/> for
    /// <paramref name="delivery"/>, inside the caller's transaction, skipping exceptions this
    /// subscription already got that day. Returns how many cards were queued.
    /// </summary>
    public async Task<int> EnqueueDigestCardsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, DigestDelivery delivery,
        ChannelAddress channel, IReadOnlyList<ExceptionCard> cards, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(cards);
        if (cards.Count == 0) return 0;
        // One card per exception: a list naming an exception twice would otherwise queue it twice.
        var distinct = cards.DistinctBy(c => c.ExceptionId).ToList();
        await using var command = new NpgsqlCommand(DigestSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long[]>("exceptionIds", [.. distinct.Select(c => c.ExceptionId)]));
        command.Parameters.Add(new NpgsqlParameter("cards", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = distinct.Select(c => OutboxCardJson.Write(c)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]>("languages", [.. distinct.Select(c => PeopleCodes.ToCode(c.Language))]));
        AddDeliveryParameters(command, delivery, channel);
        return (int)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false) ?? 0);
    }

    private const string WholeDigestSql = """
        WITH queued AS (
            INSERT INTO outbox (tenant_id, platform, realm, conversation_id, service_url, kind, card, language,
                                dedupe_key, next_attempt_at, created_at, updated_at)
            VALUES (@tenant, @platform, @realm, @conversation, @serviceUrl, 'post', @card::jsonb, @language,
                    'digest:' || @subscription || ':' || @dateText, @now, @now, @now)
            ON CONFLICT (tenant_id, dedupe_key) DO NOTHING
            RETURNING outbox_id
        ),
        delivered AS (
            INSERT INTO digest_deliveries (tenant_id, subscription_id, exception_id, local_date, created_at)
            SELECT @tenant, @subscription, e.exception_id, @date, @now
            FROM queued, unnest(@exceptionIds) AS e(exception_id)
            ON CONFLICT (tenant_id, subscription_id, exception_id, local_date) DO NOTHING
        )
        SELECT count(*)::int FROM queued
        """;

    /// <summary>
    /// Queues one whole digest or weekly-summary <paramref name="card"/> for
    /// <paramref name="delivery"/> inside the caller's transaction, at most once per subscription
    /// and local day, and records the exceptions it lists (<paramref name="exceptionIds"/>) as
    /// delivered that day. Returns 1 when queued, 0 when that day's card was already queued.
    /// </summary>
    public async Task<int> EnqueueDigestAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, DigestDelivery delivery,
        ChannelAddress channel, Card card, IReadOnlyList<long> exceptionIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(exceptionIds);
        await using var command = new NpgsqlCommand(WholeDigestSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long[]>("exceptionIds", [.. exceptionIds.Distinct()]));
        command.Parameters.Add(new NpgsqlParameter<string>("card", OutboxCardJson.Write(card)));
        command.Parameters.Add(new NpgsqlParameter<string>("language", PeopleCodes.ToCode(card.Language)));
        AddDeliveryParameters(command, delivery, channel);
        return (int)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false) ?? 0);
    }

    private void AddDeliveryParameters(NpgsqlCommand command, DigestDelivery delivery, ChannelAddress channel)
    {
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", delivery.TenantId));
        command.Parameters.Add(new NpgsqlParameter<long>("subscription", delivery.SubscriptionId));
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("date", delivery.LocalDate));
        command.Parameters.Add(new NpgsqlParameter<string>("dateText", delivery.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        command.Parameters.Add(new NpgsqlParameter<string>("platform", PeopleCodes.ToCode(channel.Platform)));
        command.Parameters.Add(new NpgsqlParameter<string>("realm", channel.Realm));
        command.Parameters.Add(new NpgsqlParameter<string>("conversation", channel.ConversationId));
        command.Parameters.Add(new NpgsqlParameter("serviceUrl", NpgsqlDbType.Text) { Value = (object?)channel.ServiceUrl ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<DateTime>("now", time.GetUtcNow().UtcDateTime));
    }

    /// <summary>The dedupe key of the outbox row that posts <paramref name="exceptionId"/>'s card for <paramref name="delivery"/>.</summary>
    public static string DigestDedupeKey(DigestDelivery delivery, long exceptionId)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return string.Create(CultureInfo.InvariantCulture, $"digest:{delivery.SubscriptionId}:{delivery.LocalDate:yyyy-MM-dd}:{exceptionId}");
    }
}
