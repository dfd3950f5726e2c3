namespace Allometry.Core.Postgres.Settings;

using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Allometry.Core.Actions;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Tenancy;
using Dapper;
using Npgsql;

/// <summary>
/// A tenant's settings row (<c>tenant_settings.settings</c>, one JSON object): the rule thresholds
/// at the top level, which <see cref="RuleSettingsStore"/> reads for the engine, and the
/// <see cref="PermissionSettings"/> under <c>"permissions"</c>, which this store reads for every
/// action and question. It is also the one writer people use (<c>allometry settings set</c>):
/// one key at a time, checked against <see cref="TenantSettingCatalog"/>, the whole row re-read
/// as both kinds of settings before it is written, so nothing half-valid is ever stored.
/// </summary>
/// <remarks>
/// Permission settings are cached per tenant for <see cref="CacheFor"/>: every click and question
/// reads them, and a round trip each time would cost more than the answer. A change made through
/// this store drops its tenant's entry at once, and is announced on <see cref="ChangesChannel"/>
/// when it commits: a process running <see cref="ListenAsync"/> (the host) drops its entry too, so
/// <c>allometry settings set</c> takes effect in a running host at once. Should the listening
/// connection drop, entries still expire after <see cref="CacheFor"/>.
/// </remarks>
public sealed class TenantSettingsStore(NpgsqlDataSource dataSource, TimeProvider? time = null) : IPermissionSettingsSource
{
    /// <summary>How long a tenant's permission settings are reused before they are read again.</summary>
    /// <value>15 seconds.</value>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);

    private const int MaxCached = 1024;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private const string LoadSql = "SELECT settings::text FROM tenant_settings WHERE tenant_id = @tenant";

    // Creates the row of an existing tenant (row-level security shows the scope only its own
    // tenant, so another tenant's id finds nothing), then locks it: concurrent sets of two keys
    // both land instead of the second overwriting the first.
    private const string CreateSql = """
        INSERT INTO tenant_settings (tenant_id) SELECT tenant_id FROM tenants WHERE tenant_id = @tenant
        ON CONFLICT (tenant_id) DO NOTHING
        """;

    private const string LockSql = "SELECT settings::text FROM tenant_settings WHERE tenant_id = @tenant FOR UPDATE";

    // The notification is delivered when the transaction commits, and not at all if it rolls back.
    private const string SaveSql = """
        UPDATE tenant_settings SET settings = @settings::jsonb, updated_at = now() WHERE tenant_id = @tenant;
        SELECT pg_notify(@channel, @tenant);
        """;

    /// <summary>The PostgreSQL notification channel a committed change is announced on; the payload is the tenant id.</summary>
    public const string ChangesChannel = "allometry_tenant_settings";

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, (PermissionSettings Settings, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <inheritdoc />
    /// <exception cref="FormatException">The stored permissions do not read (edited by hand into something else).</exception>
    public async ValueTask<PermissionSettings> GetAsync(string tenantId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(tenantId, out var hit) && hit.Until > now) return hit.Settings;
        var settings = ParsePermissions(await LoadTextAsync(tenantId, ct).ConfigureAwait(false));
        if (_cache.Count >= MaxCached) _cache.Clear();
        _cache[tenantId] = (settings, now + CacheFor);
        return settings;
    }

    /// <summary>Every setting with the tenant's value (or none) and its default, in <see cref="TenantSettingCatalog"/> order.</summary>
    public async Task<IReadOnlyList<TenantSettingValue>> ListAsync(string tenantId, CancellationToken ct)
    {
        var stored = ParseObject(await LoadTextAsync(tenantId, ct).ConfigureAwait(false));
        return [.. TenantSettingCatalog.All.Select(s => new TenantSettingValue(s, Lookup(stored, s.Path)?.DeepClone()))];
    }

    /// <summary>
    /// Sets <paramref name="key"/> to <paramref name="text"/> (read by the setting's kind), or back
    /// to its default when the text is <c>default</c>. Nothing is written when anything is wrong.
    /// </summary>
    /// <returns>The setting as the tenant now has it.</returns>
    /// <exception cref="LocalizedArgumentException">An unknown key, a value the key cannot hold, or an unknown tenant.</exception>
    public async Task<TenantSettingValue> SetAsync(string tenantId, string key, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var setting = TenantSettingCatalog.Find(key);
        var value = string.Equals(text.Trim(), "default", StringComparison.OrdinalIgnoreCase) ? null : setting.Read(text);

        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct).ConfigureAwait(false);
        await scope.Connection.ExecuteAsync(new CommandDefinition(CreateSql, new { tenant = tenantId }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
        var current = await scope.Connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(LockSql, new { tenant = tenantId },
            scope.Transaction, cancellationToken: ct)).ConfigureAwait(false)
            ?? throw new LocalizedArgumentException(new LocalizedText(
                $"Unknown tenant '{tenantId}'. Nothing was changed.", $"Locataire inconnu « {tenantId} ». Rien n'a été modifié."));
        string merged;
        try
        {
            var document = ParseObject(current);
            Put(document, setting.Path, value);
            merged = document.ToJsonString();
            // The whole row must still read for the engine and for permissions: a key is never the only thing checked.
            RuleSettingsStore.Parse(merged);
            ParsePermissions(merged);
        }
        catch (FormatException ex)
        {
            throw new LocalizedArgumentException(new LocalizedText(
                $"{setting.Key}: the tenant's settings would not read ({ex.Message}). Nothing was changed.",
                $"{setting.Key} : les réglages du locataire ne se liraient plus ({ex.Message}). Rien n'a été modifié."));
        }
        await scope.Connection.ExecuteAsync(new CommandDefinition(SaveSql, new { tenant = tenantId, settings = merged, channel = ChangesChannel }, scope.Transaction, cancellationToken: ct))
            .ConfigureAwait(false);
        await scope.CommitAsync(ct).ConfigureAwait(false);
        Invalidate(tenantId);
        return new TenantSettingValue(setting, value);
    }

    /// <summary>
    /// Listens on <see cref="ChangesChannel"/> and forgets a tenant's cached settings as soon as any
    /// process commits a change to them. Runs until <paramref name="ct"/> is cancelled; throws when
    /// the connection fails, after which the caller listens again (everything cached before the
    /// listening starts is forgotten, since changes in between were not heard).
    /// </summary>
    /// <param name="listening">Completed once the LISTEN is in place (tests and start-up wait for it).</param>
    /// <param name="ct">Stops listening.</param>
    public async Task ListenAsync(TaskCompletionSource? listening, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        connection.Notification += (_, e) => Invalidate(e.Payload);
        await using (var listen = new NpgsqlCommand("LISTEN " + ChangesChannel, connection))
        {
            await listen.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        _cache.Clear();
        listening?.TrySetResult();
        try
        {
            while (true) await connection.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping is the normal end of listening.
        }
    }

    /// <summary>Forgets the cached permission settings of <paramref name="tenantId"/>: the next read goes to the database.</summary>
    public void Invalidate(string tenantId) => _cache.TryRemove(tenantId, out _);

    /// <summary>The permission settings in a settings row's JSON (null or no <c>"permissions"</c>: the defaults).</summary>
    /// <exception cref="FormatException">The <c>"permissions"</c> object has an unknown key or a value of the wrong type.</exception>
    public static PermissionSettings ParsePermissions(string? settingsJson)
    {
        var permissions = Lookup(ParseObject(settingsJson), [TenantSettingCatalog.PermissionsKey]);
        if (permissions is null) return PermissionSettings.Default;
        try
        {
            return permissions.Deserialize<PermissionSettings>(Json) ?? PermissionSettings.Default;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new FormatException($"Permission settings do not read: {ex.Message}", ex);
        }
    }

    private async Task<string?> LoadTextAsync(string tenantId, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct).ConfigureAwait(false);
        return await scope.Connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(LoadSql, new { tenant = tenantId },
            scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
    }

    private static JsonObject ParseObject(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new FormatException("Tenant settings must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Tenant settings do not read: {ex.Message}", ex);
        }
    }

    private static JsonNode? Lookup(JsonObject root, IReadOnlyList<string> path)
    {
        JsonNode? node = root;
        foreach (var part in path) node = node is JsonObject o && o.TryGetPropertyValue(part, out var next) ? next : null;
        return node;
    }

    // Sets (or, for null, removes) the value at path, creating the objects on the way and dropping one left empty.
    private static void Put(JsonObject root, IReadOnlyList<string> path, JsonNode? value)
    {
        var parent = root;
        for (var i = 0; i < path.Count - 1; i++)
        {
            if (parent[path[i]] is not JsonObject child)
            {
                child = [];
                parent[path[i]] = child;
            }
            parent = child;
        }
        if (value is null) parent.Remove(path[^1]);
        else parent[path[^1]] = value;
        if (path.Count > 1 && parent.Count == 0) root.Remove(path[0]);
    }
}
