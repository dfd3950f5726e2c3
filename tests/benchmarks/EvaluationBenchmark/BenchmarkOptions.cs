namespace Allometry.Benchmarks.Evaluation;

using System.Globalization;

internal sealed record BenchmarkOptions(int Invoices, int Projects, int Payers, int Incremental, int Seed, bool ImportChange, bool LogSlow, bool PaymentsViaImporter, string? KeepDirectory = null, bool Verify = false, bool Trace = false, int WarmUp = 20)
{
    private const string Usage = "Usage: [--invoices N] [--projects M] [--payers P] [--incremental K] [--warmup W] [--seed S] [--change sql|import] [--log-slow] [--payments-via-importer] [--keep DIR] [--verify] [--trace]";

    public static BenchmarkOptions Parse(string[] args)
    {
        var invoices = 1_000_000;
        var projects = 50_000;
        int? payers = null;
        var incremental = 1000;
        var warmUp = 20;
        var seed = 20261121;
        var import = false;
        var logSlow = false;
        var paymentsViaImporter = false;
        string? keep = null;
        var verify = false;
        var trace = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--invoices": invoices = Int(args[++i]); break;
                case "--projects": projects = Int(args[++i]); break;
                case "--payers": payers = Int(args[++i]); break;
                case "--incremental": incremental = Int(args[++i]); break;
                case "--warmup": warmUp = Int(args[++i]); break;
                case "--seed": seed = Int(args[++i]); break;
                case "--change":
                    import = args[++i] switch
                    {
                        "import" => true,
                        "sql" => false,
                        var other => throw new ArgumentException($"Unknown --change '{other}'. {Usage}"),
                    };
                    break;
                case "--log-slow": logSlow = true; break;
                case "--payments-via-importer": paymentsViaImporter = true; break;
                case "--keep": keep = Path.GetFullPath(args[++i]); break;
                case "--verify": verify = true; break;
                case "--trace": trace = true; break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}");
            }
        }
        if (projects < 1 || invoices < projects) throw new ArgumentException($"Need at least one invoice per project. {Usage}");
        return new BenchmarkOptions(invoices, projects, payers ?? Math.Max(10, projects / 10), Math.Min(incremental, projects), seed, import, logSlow, paymentsViaImporter, keep, verify, trace, warmUp);
    }

    private static int Int(string text) => int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
