namespace Allometry.Core.Postgres.Exceptions;

using Allometry.Core.Entities;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Npgsql;

// People's re-routes (exceptions.rerouted_payer_id, set by the re-route action), as the rules,
// the score and the collections queue read them. Closed exceptions are left out: their condition
// is gone, and their invoices' money follows the ledger again.
public sealed partial class ExceptionStore
{
    private const string ReroutesSql = """
        SELECT fingerprint, rerouted_payer_id, subject_kind::text, subject_id, evidence::text
        FROM exceptions
        WHERE tenant_id = $1 AND rerouted_payer_id IS NOT NULL AND status <> 'closed'
        """;

    /// <summary>The re-routes of the tenant's exceptions that are not closed.</summary>
    public Task<Reroutes> LoadReroutesAsync(string tenantId, CancellationToken ct) => LoadReroutesAsync(dataSource, tenantId, ct);

    internal static async Task<Reroutes> LoadReroutesAsync(NpgsqlDataSource dataSource, string tenantId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(ReroutesSql);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        var reroutes = new List<Reroute>();
        await using var r = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            var kind = LedgerVocabulary.Parse<SubjectKind>(r.GetString(2));
            IReadOnlyList<string> invoices = kind == SubjectKind.Invoice
                ? [r.GetString(3)]
                : [.. EvidenceJson.Read(r.GetString(4))
                    .Where(e => string.Equals(e.Sheet, LedgerSheets.Invoices, StringComparison.Ordinal))
                    .Select(e => e.RowId)
                    .Distinct(StringComparer.Ordinal)];
            reroutes.Add(new Reroute(r.GetString(0), r.GetString(1), invoices));
        }
        return new Reroutes(reroutes);
    }
}
