namespace Allometry.Core.Postgres.Imports;

using System.Globalization;
using Npgsql;

/// <summary>
/// A tenant's partition of <c>invoices</c>. On the tenant's first import with invoices it does not
/// exist yet, and the invoices take a fast path: COPY straight into a new, index-free table (with
/// wal_level=minimal not even WAL-logged), build the primary key and the lookup index in bulk, and
/// attach it. Incremental index maintenance would cost several times the COPY itself on a million
/// rows. Later imports merge through the parent table.
/// </summary>
internal sealed class InvoicePartition
{
    private InvoicePartition(string name, bool isNew)
    {
        Name = name;
        IsNew = isNew;
    }

    /// <summary><c>invoices_t&lt;tenant_no&gt;</c>: tenant ids are free text, never spliced into SQL as identifiers.</summary>
    public string Name { get; }

    /// <summary>True when this import creates the partition (the fast path).</summary>
    public bool IsNew { get; }

    private const string ExistsSql = "SELECT to_regclass(@name) IS NOT NULL";

    public static async Task<InvoicePartition> FindAsync(ImportSession db, int tenantNo)
    {
        var name = "invoices_t" + tenantNo.ToString(CultureInfo.InvariantCulture);
        var exists = await db.ScalarAsync<bool>(ExistsSql, new { name }).ConfigureAwait(false);
        return new InvoicePartition(name, isNew: !exists);
    }

    /// <summary>
    /// Creates the table the invoices stream into; the per-import columns come from defaults, not
    /// from every row. INCLUDING GENERATED: the stored generated columns (tax_fit) are computed
    /// during the COPY, as on the parent, and ATTACH requires them to be generated alike.
    /// </summary>
    public async Task<string> CreateAsync(ImportSession db)
    {
        var sql = $"""
            CREATE TABLE {Name} (LIKE invoices INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED);
            ALTER TABLE {Name}
                ALTER COLUMN tenant_id SET DEFAULT {Literal(db.TenantId)},
                ALTER COLUMN import_id SET DEFAULT {db.ImportId.ToString(CultureInfo.InvariantCulture)},
                ALTER COLUMN as_of SET DEFAULT {Literal(db.Batch.Meta.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}::date;
            """;
        await db.ExecuteAsync(sql).ConfigureAwait(false);
        return Name;
    }

    /// <summary>
    /// Adds the primary key; false when the batch repeats an invoice id (the caller then finds the
    /// rows). A savepoint keeps the transaction usable after the unique violation.
    /// </summary>
    public async Task<bool> TryAddPrimaryKeyAsync(ImportSession db)
    {
        await db.ExecuteAsync("SAVEPOINT invoice_pk").ConfigureAwait(false);
        try
        {
            await db.ExecuteAsync($"ALTER TABLE {Name} ADD PRIMARY KEY (tenant_id, invoice_id)").ConfigureAwait(false);
            await db.ExecuteAsync("RELEASE SAVEPOINT invoice_pk").ConfigureAwait(false);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await db.ExecuteAsync("ROLLBACK TO SAVEPOINT invoice_pk").ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>
    /// Builds the lookup index like the parent's, attaches the partition and builds the tenant's
    /// invoice_tax_fits (0021): the copied rows fired no trigger (its project totals are built
    /// after the last merge, see <see cref="FirstImportFacts"/>). The CHECK on tenant_id
    /// spares ATTACH a scan to prove every row belongs; the payer foreign key is validated in one
    /// query (the importer has already checked every reference and reported any miss precisely).
    /// </summary>
    /// <remarks>
    /// That validation query is an anti-join of every invoice against the payers. On a partition
    /// without statistics the planner sorts a million invoices for a merge join (seconds); hashing
    /// the few thousand payers instead takes a fraction of that, hence the join settings around
    /// the ATTACH alone.
    /// </remarks>
    public async Task AttachAsync(ImportSession db)
    {
        var tenant = Literal(db.TenantId);
        var sql = $"""
            ALTER TABLE {Name}
                ALTER COLUMN tenant_id DROP DEFAULT,
                ALTER COLUMN import_id DROP DEFAULT,
                ALTER COLUMN as_of DROP DEFAULT,
                ADD CONSTRAINT {Name}_tenant CHECK (tenant_id = {tenant});
            CREATE INDEX {Name}_lookup_idx ON {Name} USING gin (tenant_id, payer_id, project_id);
            SET LOCAL enable_mergejoin = off;
            SET LOCAL enable_nestloop = off;
            ALTER TABLE invoices ATTACH PARTITION {Name} FOR VALUES IN ({tenant});
            SET LOCAL enable_mergejoin TO DEFAULT;
            SET LOCAL enable_nestloop TO DEFAULT;
            SELECT allometry_invoice_tax_fits_rebuild({tenant});
            """;
        await db.ExecuteAsync(sql).ConfigureAwait(false);
    }

    // DDL takes no parameters. standard_conforming_strings is on (the default since 9.1), so
    // doubling quotes is the whole of quoting a literal.
    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
