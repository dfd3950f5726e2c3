namespace Allometry.Core.Postgres.Actions;

using System.Globalization;
using Allometry.Core.Postgres.Tenancy;
using Dapper;
using Npgsql;

/// <summary>Reads the append-only action audit of one tenant (through a <see cref="TenantScope"/>) and exports it as CSV.</summary>
public sealed class AuditStore(NpgsqlDataSource dataSource)
{
    /// <summary>The CSV header, in the order <see cref="WriteCsvAsync"/> writes the columns.</summary>
    public const string CsvHeader = "audit_id,at_utc,user_id,user_email,platform,realm,platform_user_id,verb,exception_id,idempotency_key,outcome,before,after,message_platform,conversation_id,message_id";

    private const string ListSql = """
        SELECT audit_id AS AuditId, at AS At, user_id AS UserId, user_email AS UserEmail, platform AS Platform, realm AS Realm,
               platform_user_id AS PlatformUserId, verb AS Verb, exception_id AS ExceptionId, idempotency_key AS IdempotencyKey,
               outcome_kind AS OutcomeKind, before::text AS Before, after::text AS After, message_platform AS MessagePlatform,
               conversation_id AS ConversationId, message_id AS MessageId
        FROM action_audit
        WHERE tenant_id = @tenant AND at >= @from AND at < @to
        ORDER BY at, audit_id
        """;

    /// <summary>Entries from <paramref name="from"/> (inclusive) to <paramref name="to"/> (inclusive), by UTC day.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string tenantId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct);
        var rows = await scope.Connection.QueryAsync<AuditEntry>(new CommandDefinition(ListSql, new
        {
            tenant = tenantId,
            from = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            to = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        }, scope.Transaction, cancellationToken: ct));
        return [.. rows];
    }

    /// <summary>Writes the entries as RFC 4180 CSV (comma, quoted when needed, UTC ISO times).</summary>
    public static async Task WriteCsvAsync(IEnumerable<AuditEntry> entries, TextWriter writer, CancellationToken ct)
    {
        await writer.WriteLineAsync(CsvHeader.AsMemory(), ct);
        foreach (var e in entries)
        {
            string[] fields =
            [
                e.AuditId.ToString(CultureInfo.InvariantCulture), DateTime.SpecifyKind(e.At, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                e.UserId.ToString(CultureInfo.InvariantCulture), e.UserEmail, e.Platform, e.Realm, e.PlatformUserId, e.Verb,
                e.ExceptionId?.ToString(CultureInfo.InvariantCulture) ?? "", e.IdempotencyKey, e.OutcomeKind, e.Before ?? "", e.After ?? "",
                e.MessagePlatform ?? "", e.ConversationId ?? "", e.MessageId ?? "",
            ];
            await writer.WriteLineAsync(string.Join(',', fields.Select(Quote)).AsMemory(), ct);
        }
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
