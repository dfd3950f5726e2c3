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
        SELECT project_id FROM projects WHERE tenant_id = @tenant
        UNION
        SELECT DISTINCT project_id FROM invoices WHERE tenant_id = @tenant AND project_id IS NOT NULL
        """;

    private const string InvoicesSql = "SELECT invoice_id FROM invoices WHERE tenant_id = @tenant AND project_id IS NULL";

    public IReadOnlyList<string> RuleIds => [];

    public async Task<ScreenResult> RunAsync(NpgsqlConnection connection, ScreenContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = new { tenant = context.TenantId };
        return new ScreenResult(await ProjectScreenQuery.IdsAsync(connection, ProjectsSql, parameters, ct).ConfigureAwait(false),
            await ProjectScreenQuery.IdsAsync(connection, InvoicesSql, parameters, ct).ConfigureAwait(false));
    }
}
