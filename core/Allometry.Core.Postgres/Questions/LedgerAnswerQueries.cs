namespace Allometry.Core.Postgres.Questions;

using Allometry.Core.Entities;
using Allometry.Core.Ledger;
using Allometry.Core.Questions;
using Dapper;
using Npgsql;

/// <summary>
/// The ledger reads behind one-subject answers (owed, deposit, retainage, group exposure). Each
/// runs inside the caller's tenant scope and names the tenant too, so the planner prunes to the
/// tenant's invoice partition and uses its lookup index. <c>@pm</c>, when set, limits a payer's or
/// group's invoices to the projects that project manager manages.
/// </summary>
public static class LedgerAnswerQueries
{
    private const string AsOfSql = "SELECT max(as_of) FROM imports WHERE tenant_id = @tenant";

    private const string ProjectInvoicesSql = """
        SELECT invoice_id AS invoiceid, payer_id AS payerid, project_id AS projectid, kind, due_date AS duedate, total, balance
        FROM invoices
        WHERE tenant_id = @tenant AND project_id = @id AND status <> 'void' AND (balance <> 0 OR (@deposits AND kind = 'deposit'))
          AND (NOT @deposits OR kind = 'deposit');
        SELECT coalesce(sum(held_amount), 0) FROM retainage_holds
        WHERE tenant_id = @tenant AND project_id = @id AND released_on IS NULL;
        SELECT max(as_of)::timestamp FROM imports WHERE tenant_id = @tenant
        """;

    private const string PayerInvoicesSql = """
        SELECT i.invoice_id AS invoiceid, i.payer_id AS payerid, i.project_id AS projectid, i.kind, i.due_date AS duedate, i.total, i.balance
        FROM invoices i
        WHERE i.tenant_id = @tenant AND i.payer_id = ANY(@ids) AND i.status <> 'void' AND i.balance <> 0
          AND (@pm::text IS NULL OR i.project_id IN (SELECT project_id FROM projects WHERE tenant_id = @tenant AND lower(pm_email) = @pm))
        """;

    private const string HoldsSql = """
        SELECT project_id AS projectid, invoice_id AS invoiceid, held_amount AS heldamount, release_due_on AS releasedueon
        FROM retainage_holds
        WHERE tenant_id = @tenant AND project_id = @id AND released_on IS NULL
        """;

    private const string LinksSql = """
        SELECT from_payer_id AS frompayerid, to_payer_id AS topayerid, kind, effective_date AS effectivedate
        FROM entity_links WHERE tenant_id = @tenant
        """;

    private const string PayerNamesSql = "SELECT payer_id AS id, name FROM payers WHERE tenant_id = @tenant AND payer_id = ANY(@ids)";

    /// <summary>The date of the tenant's latest import: what the ledger's figures are "as of".</summary>
    public static async Task<DateOnly?> AsOfAsync(NpgsqlConnection c, NpgsqlTransaction t, string tenant, CancellationToken ct)
    {
        var asOf = await c.ExecuteScalarAsync<DateTime?>(new CommandDefinition(AsOfSql, new { tenant }, t, cancellationToken: ct)).ConfigureAwait(false);
        return asOf is { } d ? DateOnly.FromDateTime(d) : null;
    }

    /// <summary>
    /// A project's open invoices (or all its deposit invoices), the retainage it still holds and the
    /// ledger date — one round trip, the hot path of "what's owed on project X".
    /// </summary>
    public static async Task<(IReadOnlyList<InvoiceLine> Invoices, decimal RetainageHeld, DateOnly? AsOf)> ProjectAsync(
        NpgsqlConnection c, NpgsqlTransaction t, string tenant, string projectId, bool depositsOnly, CancellationToken ct)
    {
        await using var grid = await c.QueryMultipleAsync(new CommandDefinition(ProjectInvoicesSql,
            new { tenant, id = projectId, deposits = depositsOnly }, t, cancellationToken: ct)).ConfigureAwait(false);
        var invoices = (await grid.ReadAsync<InvoiceRow>().ConfigureAwait(false)).Select(r => r.ToLine()).ToList();
        var held = await grid.ReadSingleAsync<decimal>().ConfigureAwait(false);
        var asOf = await grid.ReadSingleAsync<DateTime?>().ConfigureAwait(false);
        return (invoices, held, asOf is { } d ? DateOnly.FromDateTime(d) : null);
    }

    /// <summary>The open invoices of the given payers, limited to <paramref name="pmEmail"/>'s projects when set.</summary>
    public static async Task<IReadOnlyList<InvoiceLine>> PayersAsync(
        NpgsqlConnection c, NpgsqlTransaction t, string tenant, IReadOnlyList<string> payerIds, string? pmEmail, CancellationToken ct)
    {
        var rows = await c.QueryAsync<InvoiceRow>(new CommandDefinition(PayerInvoicesSql,
            new { tenant, ids = payerIds.ToArray(), pm = pmEmail?.ToLowerInvariant() }, t, cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToLine())];
    }

    /// <summary>The holds of a project not yet released.</summary>
    public static async Task<IReadOnlyList<HoldLine>> HoldsAsync(NpgsqlConnection c, NpgsqlTransaction t, string tenant, string projectId, CancellationToken ct)
    {
        var rows = await c.QueryAsync<HoldRow>(new CommandDefinition(HoldsSql, new { tenant, id = projectId }, t, cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows.Select(r => new HoldLine(r.ProjectId, r.InvoiceId, r.HeldAmount, r.ReleaseDueOn is { } d ? DateOnly.FromDateTime(d) : null))];
    }

    /// <summary>The tenant's entity graph (links are few: one per relationship between payers).</summary>
    public static async Task<EntityGraph> GraphAsync(NpgsqlConnection c, NpgsqlTransaction t, string tenant, CancellationToken ct)
    {
        var rows = await c.QueryAsync<LinkRow>(new CommandDefinition(LinksSql, new { tenant }, t, cancellationToken: ct)).ConfigureAwait(false);
        return new EntityGraph(rows.Select(r => new EntityLink
        {
            FromPayerId = r.FromPayerId,
            ToPayerId = r.ToPayerId,
            Kind = LedgerVocabulary.Parse<EntityLinkKind>(r.Kind),
            EffectiveDate = r.EffectiveDate is { } d ? DateOnly.FromDateTime(d) : null,
        }));
    }

    /// <summary>Payers by id, as subjects.</summary>
    public static async Task<IReadOnlyList<SubjectRef>> PayerRefsAsync(NpgsqlConnection c, NpgsqlTransaction t, string tenant, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var rows = await c.QueryAsync<(string Id, string Name)>(new CommandDefinition(PayerNamesSql, new { tenant, ids = ids.ToArray() }, t, cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => new SubjectRef(SubjectKind.Payer, r.Id, r.Name))];
    }

    private sealed class InvoiceRow
    {
        public string InvoiceId { get; init; } = "";
        public string PayerId { get; init; } = "";
        public string? ProjectId { get; init; }
        public string Kind { get; init; } = "";
        public DateTime DueDate { get; init; }
        public decimal Total { get; init; }
        public decimal Balance { get; init; }

        public InvoiceLine ToLine() => new(InvoiceId, PayerId, ProjectId, Kind, DateOnly.FromDateTime(DueDate), Total, Balance);
    }

    private sealed class HoldRow
    {
        public string ProjectId { get; init; } = "";
        public string? InvoiceId { get; init; }
        public decimal HeldAmount { get; init; }
        public DateTime? ReleaseDueOn { get; init; }
    }

    private sealed class LinkRow
    {
        public string FromPayerId { get; init; } = "";
        public string ToPayerId { get; init; } = "";
        public string Kind { get; init; } = "";
        public DateTime? EffectiveDate { get; init; }
    }
}
