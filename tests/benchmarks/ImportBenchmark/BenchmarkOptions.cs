namespace Allometry.Benchmarks.Import;

using System.Globalization;

internal sealed record BenchmarkOptions(int Rows, int Payers, bool Fsync, bool LogSlowStatements, bool ReaderOnly, string? Data)
{
    private const string Usage = "Usage: [--rows N] [--payers M] [--data DIR] [--fsync-off] [--log-slow] [--reader-only]";

    public static BenchmarkOptions Parse(string[] args)
    {
        var rows = 1_000_000;
        int? payers = null;
        var fsync = true;
        var log = false;
        var readerOnly = false;
        string? data = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows": rows = int.Parse(args[++i], NumberStyles.AllowThousands, CultureInfo.InvariantCulture); break;
                case "--payers": payers = int.Parse(args[++i], NumberStyles.AllowThousands, CultureInfo.InvariantCulture); break;
                case "--data": data = args[++i]; break;
                case "--fsync-off": fsync = false; break;
                case "--log-slow": log = true; break;
                case "--reader-only": readerOnly = true; break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}");
            }
        }
        return new BenchmarkOptions(rows, payers ?? Math.Max(10, rows / 200), fsync, log, readerOnly, data);
    }
}
