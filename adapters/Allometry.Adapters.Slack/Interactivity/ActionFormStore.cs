namespace Allometry.Adapters.Slack.Interactivity;

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Allometry.Core.Cards;
using Allometry.Core.Conversations;
using Allometry.Core.Localization;
using Dapper;
using Npgsql;

/// <summary>
/// Remembers the inputs of every action the adapter renders, keyed by a hash of the button's payload.
/// A Slack click carries only the payload (a button value holds 2000 characters, an overflow option
/// 150), not the labels and choices of the modal to open; this store gives them back, in memory for
/// the recent ones and in <c>slack_action_forms</c> across restarts.
/// </summary>
internal sealed class ActionFormStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const int MemoryLimit = 20_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, (CardAction Action, Language Language)> _recent = new(StringComparer.Ordinal);

    /// <summary>Stores the forms of a card's actions that ask for inputs.</summary>
    public async Task RememberAsync(Card card, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(card);
        var forms = CardActions.Of(card).Where(a => a.Inputs.Count > 0)
            .Select(a => (Key: KeyOf(CardActionPayload.ToData(a).ToDictionary(p => p.Key, p => (string?)p.Value)), Action: a))
            .DistinctBy(f => f.Key).ToList();
        var fresh = forms.Where(f => !_recent.TryGetValue(f.Key, out var known) || known.Language != card.Language || known.Action != f.Action).ToList();
        if (fresh.Count == 0)
        {
            return;
        }
        if (_recent.Count > MemoryLimit)
        {
            _recent.Clear();
        }
        foreach (var (key, action) in fresh)
        {
            _recent[key] = (action, card.Language);
        }
        const string sql = """
            INSERT INTO slack_action_forms (form_key, language, action, stored_at)
            SELECT * FROM unnest(@Keys, @Languages, @Actions::jsonb[], @Stamps)
            ON CONFLICT (form_key) DO UPDATE SET language = excluded.language, action = excluded.action, stored_at = excluded.stored_at
            """;
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            Keys = fresh.Select(f => f.Key).ToArray(),
            Languages = fresh.Select(_ => card.Language == Language.Fr ? "fr" : "en").ToArray(),
            Actions = fresh.Select(f => JsonSerializer.Serialize(f.Action, Json)).ToArray(),
            Stamps = fresh.Select(_ => now).ToArray(),
        }, cancellationToken: ct)).ConfigureAwait(false);
    }

    /// <summary>The action a clicked payload belongs to, or null when it was never rendered here.</summary>
    public async Task<(CardAction Action, Language Language)?> FindAsync(IReadOnlyDictionary<string, string?> payload, CancellationToken ct)
    {
        var key = KeyOf(payload);
        if (_recent.TryGetValue(key, out var known))
        {
            return known;
        }
        const string sql = "SELECT language, action::text FROM slack_action_forms WHERE form_key = @key";
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<(string Language, string Action)?>(
            new CommandDefinition(sql, new { key }, cancellationToken: ct)).ConfigureAwait(false);
        if (row is not { } r)
        {
            return null;
        }
        var action = JsonSerializer.Deserialize<CardAction>(r.Action, Json)
            ?? throw new InvalidOperationException("A stored Slack action form is empty.");
        var found = (action, r.Language == "fr" ? Language.Fr : Language.En);
        _recent[key] = found;
        return found;
    }

    /// <summary>The payload's hash: keys sorted, so key order on the wire does not matter.</summary>
    internal static string KeyOf(IReadOnlyDictionary<string, string?> payload)
    {
        var canonical = new StringBuilder();
        foreach (var (key, value) in payload.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            canonical.Append(key).Append('\u001f').Append(value).Append('\u001e');
        }
        return Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
