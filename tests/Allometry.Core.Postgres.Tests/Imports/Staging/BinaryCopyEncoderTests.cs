namespace Allometry.Core.Postgres.Tests.Imports.Staging;

using System.Text;
using Allometry.Core.Postgres.Imports.Staging;
using Allometry.Testing;
using Dapper;
using Npgsql;
using NpgsqlTypes;

/// <summary>
/// The hand-written binary COPY encoder stores exactly what Npgsql's typed binary importer stores
/// for the same CLR values (the importer's previous writer), edge values included.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BinaryCopyEncoderTests(PostgresFixture postgres)
{
    private const string Columns = "n integer, i integer, b boolean, d date, m numeric(14,2), p numeric(7,4), u numeric, s text, k invoice_kind, a text[]";

    private static readonly decimal[] Money =
    [
        0m, 0.00m, -0.00m, 0.01m, -0.01m, 1234.5m, 1234.50m, 10_000m, 99.99m, 100.00m, 999_999_999_999.99m, -999_999_999_999.99m,
        123_456_789.01m, -7m, 0.1m, 1_0000_0000m,
    ];

    private static readonly decimal[] Unbounded =
    [
        0.0000001m, 79_228_162_514_264_337_593_543_950_335m, -7.9228162514264337593543950335m, 12_345_678.9012m,
        0.0000000000000000000000000001m, 1e20m, 123.4560m, 10000.0001m, -0.5m, 18_014_398_509_481_984.123m,
    ];

    private static readonly decimal[] Percentages = [0m, 9.975m, 100m, 0.0001m, 50.5000m, 14m];

    private static readonly DateOnly[] Dates =
    [
        DateOnly.MinValue, DateOnly.MaxValue, new(2000, 1, 1), new(1999, 12, 31), new(2026, 11, 20), new(1, 1, 2), new(9999, 12, 30),
    ];

    private static readonly string?[] Texts = ["", "a", "Érablière Saint-Gédéon", "1\u202F234,56 $", "🚀 ok", "tab\tnew\nline", new string('x', 100_000), null];

    private static readonly string?[][] Arrays = [[], ["a"], ["a", null], ["é", ""], [new string('y', 70_000), "z"]];

    [Fact]
    public async Task Encode_EdgeValues_StoredExactlyAsNpgsqlStoresThem()
    {
        // Arrange
        var rows = Rows().ToList();
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync($"CREATE TEMP TABLE by_npgsql ({Columns}); CREATE TEMP TABLE by_encoder ({Columns})");

        // Act
        await using (var importer = await connection.BeginBinaryImportAsync("COPY by_npgsql FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in rows)
            {
                await importer.StartRowAsync();
                importer.Write(r.N, NpgsqlDbType.Integer);
                importer.Write(r.I, NpgsqlDbType.Integer);
                importer.Write(r.B, NpgsqlDbType.Boolean);
                importer.Write(r.D, NpgsqlDbType.Date);
                importer.Write(r.M, NpgsqlDbType.Numeric);
                importer.Write(r.P, NpgsqlDbType.Numeric);
                importer.Write(r.U, NpgsqlDbType.Numeric);
                if (r.S is null) importer.WriteNull(); else importer.Write(r.S, NpgsqlDbType.Text);
                importer.Write(r.K, NpgsqlDbType.Text);
                importer.Write(r.A, NpgsqlDbType.Array | NpgsqlDbType.Text);
            }
            await importer.CompleteAsync();
        }
        var sink = new MemorySink();
        var encoder = new BinaryCopyEncoder(sink);
        encoder.Header();
        foreach (var r in rows)
        {
            encoder.StartRow(10);
            encoder.Int32(r.N);
            encoder.Int32(r.I);
            encoder.Boolean(r.B);
            encoder.Date(r.D);
            encoder.Numeric(r.M);
            encoder.Numeric(r.P);
            encoder.Numeric(r.U);
            if (r.S is null) encoder.Null(); else encoder.Text(r.S);
            encoder.Text(r.K);
            encoder.TextArray(r.A);
        }
        encoder.Trailer();
        encoder.Flush();
        await using (var raw = await connection.BeginRawBinaryCopyAsync("COPY by_encoder FROM STDIN (FORMAT BINARY)"))
        {
            await raw.WriteAsync(sink.Bytes.ToArray());
        }

        // Assert
        const string Compare = """
            SELECT count(*) FROM (
                (SELECT n, row(t.*)::text, array_ndims(a), scale(u) FROM by_npgsql t EXCEPT SELECT n, row(t.*)::text, array_ndims(a), scale(u) FROM by_encoder t)
                UNION ALL
                (SELECT n, row(t.*)::text, array_ndims(a), scale(u) FROM by_encoder t EXCEPT SELECT n, row(t.*)::text, array_ndims(a), scale(u) FROM by_npgsql t)
            ) differences
            """;
        Assert.Equal(rows.Count, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM by_encoder"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(Compare));
        Assert.True(sink.Chunks > 1, "rows straddle chunks");
    }

    [Fact]
    public void AddUtf8_SameDigestAsAddString()
    {
        // Arrange
        string[] values = ["", "é", "🚀", new string('q', 70_000), "INV-00000001", "x"];
        using var byString = new ContentDigest();
        using var byBytes = new ContentDigest();

        // Act
        foreach (var v in values)
        {
            byString.Add(v);
            byBytes.AddUtf8(Encoding.UTF8.GetBytes(v));
        }

        // Assert
        Assert.Equal(byString.Finish(), byBytes.Finish());
    }

    private static IEnumerable<Row> Rows()
    {
        string[] kinds = ["deposit", "progress", "retainage_release"];
        var n = 0;
        var max = new[] { Money.Length, Unbounded.Length, Percentages.Length, Dates.Length, Texts.Length, Arrays.Length }.Max();
        for (var i = 0; i < max * 3; i++)
        {
            n++;
            yield return new Row(
                n, i % 2 == 0 ? int.MinValue + i : int.MaxValue - i, i % 2 == 0,
                Dates[i % Dates.Length], Money[i % Money.Length], Percentages[i % Percentages.Length], Unbounded[i % Unbounded.Length],
                Texts[i % Texts.Length], kinds[i % kinds.Length], Arrays[i % Arrays.Length]);
        }
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            n++;
            var cents = random.NextInt64(-99_999_999_999_999, 99_999_999_999_999);
            yield return new Row(
                n, random.Next(), false, new DateOnly(2020, 1, 1).AddDays(random.Next(3000)), cents / 100m, random.Next(0, 1_000_001) / 10_000m,
                cents / (decimal)Math.Pow(10, random.Next(0, 9)), "INV-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture), "final", []);
        }
    }

    private sealed record Row(int N, int I, bool B, DateOnly D, decimal M, decimal P, decimal U, string? S, string K, string?[] A);

    private sealed class MemorySink : ICopyChunkSink
    {
        public MemoryStream Bytes { get; } = new();

        public int Chunks { get; private set; }

        public byte[] Rent() => new byte[4096];

        public void Publish(byte[] chunk, int count)
        {
            Bytes.Write(chunk, 0, count);
            Chunks++;
        }
    }
}
