namespace Allometry.Core.Postgres.Conversations;

using Allometry.Core.Cards;
using Allometry.Core.Conversations;
using Allometry.Core.Postgres.People;
using Allometry.Core.Postgres.Tenancy;
using Dapper;
using Npgsql;

/// <summary>The conversations the bot is in, per tenant (row-level security through <see cref="TenantScope"/>).</summary>
public sealed class ChatConversationStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        tenant_id AS TenantId, platform AS Platform, realm AS Realm, conversation_id AS ConversationId, service_url AS ServiceUrl,
        kind AS Kind, project_id AS ProjectId, installed_at AS InstalledAt, installed_by AS InstalledBy
        """;

    // A re-installation refreshes the reference (Teams may move a conversation to another service URL)
    // but keeps the project binding people chose.
    private const string RememberSql = """
        INSERT INTO chat_conversations (tenant_id, platform, realm, conversation_id, service_url, kind, installed_by)
        VALUES (@tenant, @platform, @realm, @conversation, @serviceUrl, @kind, @by)
        ON CONFLICT (tenant_id, platform, realm, conversation_id) DO UPDATE
            SET service_url = coalesce(EXCLUDED.service_url, chat_conversations.service_url), kind = EXCLUDED.kind,
                installed_by = coalesce(EXCLUDED.installed_by, chat_conversations.installed_by)
        """;

    /// <summary>Remembers (or refreshes) a conversation the bot was added to.</summary>
    public async Task RememberAsync(string tenantId, ChannelAddress address, ConversationKind kind, string? installedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(address);
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct).ConfigureAwait(false);
        await scope.Connection.ExecuteAsync(new CommandDefinition(RememberSql, new
        {
            tenant = tenantId, platform = PeopleCodes.ToCode(address.Platform), realm = address.Realm, conversation = address.ConversationId,
            serviceUrl = address.ServiceUrl, kind = Code(kind), by = installedBy,
        }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
        await scope.CommitAsync(ct).ConfigureAwait(false);
    }

    private const string FindSql = $"""
        SELECT {Columns} FROM chat_conversations
        WHERE tenant_id = @tenant AND platform = @platform AND realm = @realm AND conversation_id = @conversation
        """;

    /// <summary>The remembered conversation, or null when the bot was never installed there (or it is another tenant's).</summary>
    public async Task<ChatConversation?> FindAsync(string tenantId, ChannelAddress address, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(address);
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct).ConfigureAwait(false);
        var row = await scope.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(FindSql, new
        {
            tenant = tenantId, platform = PeopleCodes.ToCode(address.Platform), realm = address.Realm, conversation = address.ConversationId,
        }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
        return row?.ToConversation();
    }

    private const string ListSql = $"SELECT {Columns} FROM chat_conversations WHERE tenant_id = @tenant ORDER BY platform, realm, conversation_id";

    /// <summary>Every conversation of the tenant (for proactive posts and the admin's list).</summary>
    public async Task<IReadOnlyList<ChatConversation>> ListAsync(string tenantId, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct).ConfigureAwait(false);
        var rows = await scope.Connection.QueryAsync<Row>(new CommandDefinition(ListSql, new { tenant = tenantId }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToConversation())];
    }

    private const string BindSql = """
        INSERT INTO chat_conversations (tenant_id, platform, realm, conversation_id, service_url, kind, project_id)
        VALUES (@tenant, @platform, @realm, @conversation, @serviceUrl, @kind, @project)
        ON CONFLICT (tenant_id, platform, realm, conversation_id) DO UPDATE
            SET project_id = EXCLUDED.project_id, service_url = coalesce(EXCLUDED.service_url, chat_conversations.service_url)
        """;

    /// <summary>Binds the conversation to <paramref name="projectId"/> (null unbinds), remembering it if it was not yet.</summary>
    public async Task BindProjectAsync(string tenantId, ChannelAddress address, ConversationKind kind, string? projectId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(address);
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct).ConfigureAwait(false);
        await scope.Connection.ExecuteAsync(new CommandDefinition(BindSql, new
        {
            tenant = tenantId, platform = PeopleCodes.ToCode(address.Platform), realm = address.Realm, conversation = address.ConversationId,
            serviceUrl = address.ServiceUrl, kind = Code(kind), project = projectId,
        }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
        await scope.CommitAsync(ct).ConfigureAwait(false);
    }

    private static string Code(ConversationKind kind) => kind switch
    {
        ConversationKind.Personal => "personal",
        ConversationKind.Group => "group",
        _ => "channel",
    };

    private sealed record Row
    {
        public string TenantId { get; init; } = "";
        public string Platform { get; init; } = "";
        public string Realm { get; init; } = "";
        public string ConversationId { get; init; } = "";
        public string? ServiceUrl { get; init; }
        public string Kind { get; init; } = "channel";
        public string? ProjectId { get; init; }
        public DateTimeOffset InstalledAt { get; init; }
        public string? InstalledBy { get; init; }

        public ChatConversation ToConversation() => new()
        {
            TenantId = TenantId,
            Address = new ChannelAddress(PeopleCodes.ParsePlatform(Platform), Realm, ConversationId, ServiceUrl),
            Kind = Kind switch { "personal" => ConversationKind.Personal, "group" => ConversationKind.Group, _ => ConversationKind.Channel },
            ProjectId = ProjectId,
            InstalledAt = InstalledAt,
            InstalledBy = InstalledBy,
        };
    }
}
