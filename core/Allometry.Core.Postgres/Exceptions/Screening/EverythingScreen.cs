namespace Allometry.Core.Postgres.Exceptions.Screening;

using Npgsql;

/// <summary>
/// What the loader falls back on when a rule that runs has no screen and the base scope does not
/// cover it: every project and every projectless invoice (the whole ledger, slowly but soundly).
/// Not discovered as a screen (no public constructor): the loader asks for <see cref="Instance"/>.
/// </summary>
internal sealed class EverythingScreen : IRuleScreen
{
    private EverythingScreen()
    {
    }

    /// <summary>The one instance.</summary>
    public static EverythingScreen Instance { get; } = new();

    private const string ProjectsSql = """
        SELECT project_id FROM projects WHERE tenant_id = $1
        UNION
        SELECT DISTINCT project_id FROM invoices WHERE tenant_id = $1 AND project_id IS NOT NULL
        """;

    private const string InvoicesSql = "SELECT invoice_id FROM invoices WHERE tenant_id = $1 AND project_id IS NULL";

    public IReadOnlyList<string> RuleIds => [];

    public async Task<ScreenResult> RunAsync(NpgsqlConnection connection, ScreenContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(context);
        return new ScreenResult(await ReadIdsAsync(connection, ProjectsSql, context.TenantId, ct).ConfigureAwait(false),
            await ReadIdsAsync(connection, InvoicesSql, context.TenantId, ct).ConfigureAwait(false));
    }

    private static async Task<List<string>> ReadIdsAsync(NpgsqlConnection connection, string sql, string tenantId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) ids.Add(reader.GetString(0));
        return ids;
    }
}
