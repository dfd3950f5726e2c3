namespace Allometry.Core.Postgres.Exceptions.Screening;

using Allometry.Core.Tax;
using Npgsql;
using NpgsqlTypes;

/// <summary>
/// Screens MissingRegistrationNumber: the invoices of at least the threshold that charge tax
/// their printed registration numbers do not back, by the rule's own condition.
/// </summary>
/// <remarks>
/// The parser stays in C# (<see cref="RegistrationNumbers.Parse"/>): a ledger prints a handful of
/// distinct registration strings on a million invoices, read by a loose index scan of
/// <c>invoices_registration_idx</c> (one index probe per distinct string) and parsed once each.
/// Only the invoices printing a deficient string are then read, by the same index; a ledger that
/// prints valid numbers everywhere costs a few probes. Strings over 1000 bytes (kept out of that
/// index, see migration 0018) come from their own, normally empty, index.
/// </remarks>
public sealed class RegistrationScreen : IRuleScreen
{
    /// <inheritdoc />
    public IReadOnlyList<string> RuleIds { get; } = ["MissingRegistrationNumber"];

    // The predicates of the two partial indexes, written as in the migration so the planner matches them.
    private const string Indexed = "origin = 'workbook' AND status <> 'void' AND (registration_numbers IS NULL OR octet_length(registration_numbers) <= 1000)";
    private const string Long = "origin = 'workbook' AND status <> 'void' AND octet_length(registration_numbers) > 1000";

    private const string DistinctSql = $"""
        WITH RECURSIVE printed AS (
            (SELECT registration_numbers AS text FROM invoices
             WHERE tenant_id = @tenant AND registration_numbers IS NOT NULL AND {Indexed}
             ORDER BY registration_numbers LIMIT 1)
            UNION ALL
            SELECT (SELECT i.registration_numbers FROM invoices i
                    WHERE i.tenant_id = @tenant AND i.registration_numbers > p.text AND {Indexed}
                    ORDER BY i.registration_numbers LIMIT 1)
            FROM printed p WHERE p.text IS NOT NULL
        )
        SELECT text FROM printed WHERE text IS NOT NULL
        UNION ALL
        -- Gated by EXISTS: the planner, guessing a third of the rows long, would otherwise start
        -- parallel workers to read an empty index.
        SELECT registration_numbers FROM invoices
        WHERE tenant_id = @tenant AND {Long} AND EXISTS (SELECT 1 FROM invoices WHERE tenant_id = @tenant AND {Long})
        """;

    // An invoice printing nothing (NULL) parses as no number at all, like "" in the rule.
    private const string Unbacked = """
        abs(total) >= @threshold
        AND ((gst + hst <> 0 AND (registration_numbers IS NULL OR registration_numbers = ANY(@noGstHst)))
          OR (qst <> 0 AND (registration_numbers IS NULL OR registration_numbers = ANY(@noQst))))
        """;

    private const string CandidatesSql = $"""
        SELECT project_id, invoice_id FROM invoices
        WHERE tenant_id = @tenant AND (registration_numbers = ANY(@deficient) OR registration_numbers IS NULL) AND {Indexed} AND {Unbacked}
        UNION ALL
        SELECT project_id, invoice_id FROM invoices
        WHERE tenant_id = @tenant AND registration_numbers = ANY(@deficient) AND {Long} AND {Unbacked}
        """;

    /// <inheritdoc />
    public async Task<ScreenResult> RunAsync(NpgsqlConnection connection, ScreenContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(context);

        var noGstHst = new List<string>();
        var noQst = new List<string>();
        await using (var distinct = new NpgsqlCommand(DistinctSql, connection))
        {
            distinct.Parameters.AddWithValue("tenant", context.TenantId);
            await using var reader = await distinct.ExecuteReaderAsync(ct).ConfigureAwait(false);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var text = reader.GetString(0);
                if (!seen.Add(text)) continue;
                var printed = RegistrationNumbers.Parse(text);
                if (!printed.HasGstHst) noGstHst.Add(text);
                if (!printed.HasQst) noQst.Add(text);
            }
        }

        var projects = new HashSet<string>(StringComparer.Ordinal);
        var invoices = new List<string>();
        await using var command = new NpgsqlCommand(CandidatesSql, connection);
        command.Parameters.AddWithValue("tenant", context.TenantId);
        command.Parameters.AddWithValue("threshold", context.Settings.RegistrationNumberThreshold);
        command.Parameters.AddWithValue("deficient", NpgsqlDbType.Array | NpgsqlDbType.Text, noGstHst.Union(noQst, StringComparer.Ordinal).ToArray());
        command.Parameters.AddWithValue("noGstHst", NpgsqlDbType.Array | NpgsqlDbType.Text, noGstHst.ToArray());
        command.Parameters.AddWithValue("noQst", NpgsqlDbType.Array | NpgsqlDbType.Text, noQst.ToArray());
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                if (reader.IsDBNull(0)) invoices.Add(reader.GetString(1));
                else projects.Add(reader.GetString(0));
            }
        }
        return new ScreenResult(projects, invoices);
    }
}
