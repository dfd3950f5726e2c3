namespace Allometry.Core.Postgres.Exceptions;

using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Allometry.Core.Entities;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Dapper;
using Npgsql;

/// <summary>
/// A tenant's <see cref="RuleSettings"/>: the documented defaults, overridden by the JSON of
/// <c>tenant_settings</c> (snake_case property names: <c>deposit_tolerance</c>,
/// <c>disabled_rules</c>, <c>group_credit_limits</c>…), with the seller's PST registrations
/// from the tenant's own row (its ledger's meta sheet says where it is registered).
/// </summary>
public sealed class RuleSettingsStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new ReadOnlySetConverter<string>(), new ReadOnlySetConverter<Province>(), new JsonStringEnumConverter() },
    };

    private const string LoadSql = """
        SELECT t.seller_pst_registrations::text[], s.settings::text
        FROM tenants t
        LEFT JOIN tenant_settings s ON s.tenant_id = t.tenant_id
        WHERE t.tenant_id = @tenant
        """;

    // LoadSql for a batch whose first parameter is the tenant (a project slice's first round trip).
    internal const string PositionalLoadSql = """
        SELECT t.seller_pst_registrations::text[], s.settings::text
        FROM tenants t
        LEFT JOIN tenant_settings s ON s.tenant_id = t.tenant_id
        WHERE t.tenant_id = $1
        """;

    // Parsed settings by their stored text: an incremental evaluation reads the row every time but
    // parses JSON only when it changed. Bounded: cleared when it grows past a few hundred tenants.
    private static readonly ConcurrentDictionary<(string Pst, string? Overrides), RuleSettings> Parsed = new();
    private const int MaxParsed = 512;

    /// <summary>The tenant's settings; the defaults for a tenant with no overrides (or none at all).</summary>
    /// <exception cref="FormatException">The stored overrides do not read as settings (an unknown key, a wrong type).</exception>
    public async Task<RuleSettings> LoadAsync(string tenantId, CancellationToken ct)
    {
        // Npgsql reads text[] as string[]; Dapper would hand a record constructor a bare Array.
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(LoadSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
        // Every evaluation reads the settings, an incremental one in a few milliseconds: skip the planning.
        await command.PrepareAsync(ct).ConfigureAwait(false);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await ReadAsync(reader, ct).ConfigureAwait(false);
    }

    /// <summary>Reads the result of <see cref="LoadSql"/> or <see cref="PositionalLoadSql"/> and moves to the next result.</summary>
    internal static async Task<RuleSettings> ReadAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var settings = RuleSettings.Default;
        if (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var pst = reader.GetFieldValue<string[]>(0);
            var overrides = reader.IsDBNull(1) ? null : reader.GetString(1);
            var key = (string.Join(',', pst), overrides);
            if (!Parsed.TryGetValue(key, out var parsed))
            {
                parsed = Parse(overrides) with
                {
                    SellerPstRegistrations = pst.Select(LedgerVocabulary.Parse<Province>).ToHashSet(),
                };
                if (Parsed.Count >= MaxParsed) Parsed.Clear();
                Parsed[key] = parsed;
            }
            settings = parsed;
        }
        await reader.NextResultAsync(ct).ConfigureAwait(false);
        return settings;
    }

    /// <summary>
    /// The re-routes people made on the tenant's open exceptions, which the rules (group exposure),
    /// the score and the collections queue honour alongside the settings.
    /// </summary>
    public Task<Reroutes> LoadReroutesAsync(string tenantId, CancellationToken ct) => ExceptionStore.LoadReroutesAsync(dataSource, tenantId, ct);

    // The row's "permissions" object belongs to Settings.TenantSettingsStore: replacing the rule overrides keeps it.
    private const string SaveSql = """
        INSERT INTO tenant_settings AS s (tenant_id, settings) VALUES (@tenant, @settings::jsonb)
        ON CONFLICT (tenant_id) DO UPDATE
        SET settings = excluded.settings || jsonb_strip_nulls(jsonb_build_object('permissions', s.settings -> 'permissions')), updated_at = now()
        WHERE s.settings IS DISTINCT FROM excluded.settings || jsonb_strip_nulls(jsonb_build_object('permissions', s.settings -> 'permissions'))
        """;

    /// <summary>Replaces the tenant's overrides, after checking they read as settings and name only known rules.</summary>
    /// <param name="tenantId">An existing tenant (its first import creates it).</param>
    /// <param name="overridesJson">A JSON object of snake_case settings; <c>{}</c> restores every default.</param>
    /// <param name="ct">Cancels the write.</param>
    /// <exception cref="FormatException">The JSON is not settings, names an unknown rule, or sets the PST registrations (they come from the ledger).</exception>
    public async Task SaveAsync(string tenantId, string overridesJson, CancellationToken ct)
    {
        using (var document = JsonDocument.Parse(overridesJson))
        {
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("seller_pst_registrations", out _))
            {
                throw new FormatException("seller_pst_registrations comes from the ledger's meta sheet, not from settings.");
            }
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(Settings.TenantSettingCatalog.PermissionsKey, out _))
            {
                throw new FormatException("permissions are set one key at a time through TenantSettingsStore (allometry settings set), not with the rule overrides.");
            }
        }
        var parsed = Parse(overridesJson);
        var unknown = parsed.DisabledRules.Where(id => RuleCatalog.Find(id) is null).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new FormatException($"Unknown rule id(s) in disabled_rules: {string.Join(", ", unknown)}.");
        }
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(SaveSql, new { tenant = tenantId, settings = overridesJson }, cancellationToken: ct)).ConfigureAwait(false);
    }

    /// <summary>The defaults overridden by <paramref name="overridesJson"/> (null or empty: the defaults).</summary>
    /// <exception cref="FormatException">An unknown key, a value of the wrong type, or not a JSON object.</exception>
    public static RuleSettings Parse(string? overridesJson)
    {
        if (string.IsNullOrWhiteSpace(overridesJson)) return RuleSettings.Default;
        try
        {
            var settings = DeserializeRules(overridesJson)
                ?? throw new FormatException("Rule settings must be a JSON object, not null.");
            // The deserializer builds its own collections; keep the ordinal comparers lookups rely on.
            return settings with
            {
                DisabledRules = new HashSet<string>(settings.DisabledRules, StringComparer.Ordinal),
                GroupCreditLimits = new Dictionary<string, decimal>(settings.GroupCreditLimits, StringComparer.Ordinal),
            };
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            throw new FormatException($"Rule settings do not read: {ex.Message}", ex);
        }
    }

    // The row also holds the tenant's permission settings under "permissions" (Settings.TenantSettingsStore
    // reads those); every other unknown key stays an error, so a typo never leaves a default in place.
    private static RuleSettings? DeserializeRules(string overridesJson)
    {
        if (!overridesJson.Contains('"' + Settings.TenantSettingCatalog.PermissionsKey + '"', StringComparison.Ordinal))
            return JsonSerializer.Deserialize<RuleSettings>(overridesJson, Json);
        var node = System.Text.Json.Nodes.JsonNode.Parse(overridesJson);
        if (node is System.Text.Json.Nodes.JsonObject root) root.Remove(Settings.TenantSettingCatalog.PermissionsKey);
        return node.Deserialize<RuleSettings>(Json);
    }

    // System.Text.Json cannot create an IReadOnlySet<T> on its own.
    private sealed class ReadOnlySetConverter<T> : JsonConverter<IReadOnlySet<T>>
    {
        public override IReadOnlySet<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize<HashSet<T>>(ref reader, options) ?? throw new JsonException("A set may not be null.");

        public override void Write(Utf8JsonWriter writer, IReadOnlySet<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.ToArray(), options);
    }
}
