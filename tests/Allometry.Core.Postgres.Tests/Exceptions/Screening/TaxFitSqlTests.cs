namespace Allometry.Core.Postgres.Tests.Exceptions.Screening;

using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Sample;
using Allometry.Core.Tax;
using Allometry.Testing;
using Dapper;

/// <summary>The SQL function behind <c>invoices.tax_fit</c> and its C# twin <see cref="TaxFit"/> agree.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TaxFitSqlTests(PostgresFixture postgres)
{
    private const string FitSql = """
        SELECT allometry_tax_fit(s, g, h, q, p)
        FROM unnest(@s::numeric[], @g::numeric[], @h::numeric[], @q::numeric[], @p::numeric[]) WITH ORDINALITY AS c(s, g, h, q, p, n)
        ORDER BY n
        """;

    [Fact]
    public async Task AllometryTaxFit_GridOfProvincesDatesAndSubtotals_AgreesWithClassify()
    {
        // Arrange: every cent from -30.00 to 30.00 plus large amounts, taxed as every province on
        // every side of the rate change, registered or not, exactly and off by a cent, and untaxed.
        var subtotals = Enumerable.Range(-3000, 6001).Select(c => c / 100m).Concat([987_654.33m, -12_345.67m, 99_999_999.99m]).ToList();
        var rows = new List<(decimal S, decimal G, decimal H, decimal Q, decimal P)>();
        foreach (var subtotal in subtotals)
        {
            rows.Add((subtotal, 0m, 0m, 0m, 0m));
            foreach (var province in new[] { Province.AB, Province.BC, Province.SK, Province.ON, Province.QC, Province.NB, Province.NS })
            foreach (var date in new[] { new DateOnly(2025, 3, 31), new DateOnly(2025, 4, 1) })
            {
                if (date.Month == 4 && province != Province.NS) continue;
                var t = SalesTax.Compute(province, date, subtotal, sellerPstRegistered: true);
                rows.Add((subtotal, t.Gst, t.Hst, t.Qst, t.Pst));
                rows.Add((subtotal, t.Gst, t.Hst, t.Qst + 0.01m, t.Pst));
            }
        }
        // The grid holds QST amounts of exactly half a cent (rounded up, away from zero).
        Assert.Contains(subtotals, s => s > 0 && s * SalesTax.QstRate * 1000m % 10m == 5m);
        Assert.Contains(subtotals, s => s < 0 && s * SalesTax.QstRate * 1000m % 10m == -5m);

        // Act
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        var sql = (await connection.QueryAsync<short>(FitSql, new
        {
            s = rows.Select(r => r.S).ToArray(), g = rows.Select(r => r.G).ToArray(), h = rows.Select(r => r.H).ToArray(),
            q = rows.Select(r => r.Q).ToArray(), p = rows.Select(r => r.P).ToArray(),
        })).ToList();

        // Assert
        var disagreements = rows.Select((r, i) => (r, i))
            .Where(x => sql[x.i] != TaxFit.Classify(x.r.S, x.r.G, x.r.H, x.r.Q, x.r.P))
            .Select(x => $"{x.r}: SQL {sql[x.i]}, C# {TaxFit.Classify(x.r.S, x.r.G, x.r.H, x.r.Q, x.r.P)}")
            .Take(20).ToList();
        Assert.Equal(rows.Count, sql.Count);
        Assert.Empty(disagreements);
    }

    [Fact]
    public async Task TaxFitColumn_FirstImportAndReimport_EqualsClassifyOfEveryInvoice()
    {
        // Arrange: the first import goes through a new partition (CREATE TABLE LIKE + ATTACH), the second merges through the parent
        var tenant = "fit-" + Guid.NewGuid().ToString("N")[..8];
        var importer = new LedgerImporter(postgres.DataSource);
        var sample = SampleOperatorGenerator.Generate();
        await importer.ImportAsync(tenant, sample.ToBatch(), CancellationToken.None);
        await importer.ImportAsync(tenant, SampleOperatorGenerator.Generate(asOf: sample.Meta.AsOf.AddDays(20)).ToBatch(), CancellationToken.None);

        // Act
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        var stored = (await connection.QueryAsync<(string Id, decimal S, decimal G, decimal H, decimal Q, decimal P, short Fit)>(
            "SELECT invoice_id, subtotal, gst, hst, qst, pst, tax_fit FROM invoices WHERE tenant_id = @tenant", new { tenant })).ToList();

        // Assert
        Assert.NotEmpty(stored);
        Assert.All(stored, r => Assert.True(TaxFit.Classify(r.S, r.G, r.H, r.Q, r.P) == r.Fit, $"{r.Id}: stored {r.Fit}"));
    }
}
