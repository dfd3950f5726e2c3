namespace Allometry.Benchmarks.HostRss;

using System.Globalization;

/// <summary>The command line of the benchmark; every phase is bounded by one of these.</summary>
internal sealed record RssOptions(
    int Invoices, int Projects, int Payers, int Seed, int Subscriptions, int Rate, int LoadSeconds, int IdleSeconds, int WindowSeconds,
    int EvaluationTimeoutSeconds, int DrainTimeoutSeconds, int ActionEvery, string? HostDll, IReadOnlyDictionary<string, string> HostEnvironment)
{
    private const string Usage = "Usage: [--invoices N] [--projects M] [--payers P] [--seed S] [--subscriptions K] [--rate Q] [--load-seconds T] " +
        "[--idle-seconds T] [--window T] [--evaluation-timeout T] [--drain-timeout T] [--action-every N] [--host-dll PATH] [--host-env KEY=VALUE]...";

    public static RssOptions Parse(string[] args)
    {
        var invoices = 1_000_000;
        var projects = 50_000;
        int? payers = null;
        var seed = 20261121;
        var subscriptions = 5;
        var rate = 20;
        var load = 60;
        var idle = 150;
        var window = 30;
        var evaluationTimeout = 600;
        var drainTimeout = 600;
        var actionEvery = 10;
        string? dll = null;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--invoices": invoices = Int(Next(args, ref i)); break;
                case "--projects": projects = Int(Next(args, ref i)); break;
                case "--payers": payers = Int(Next(args, ref i)); break;
                case "--seed": seed = Int(Next(args, ref i)); break;
                case "--subscriptions": subscriptions = Int(Next(args, ref i)); break;
                case "--rate": rate = Int(Next(args, ref i)); break;
                case "--load-seconds": load = Int(Next(args, ref i)); break;
                case "--idle-seconds": idle = Int(Next(args, ref i)); break;
                case "--window": window = Int(Next(args, ref i)); break;
                case "--evaluation-timeout": evaluationTimeout = Int(Next(args, ref i)); break;
                case "--drain-timeout": drainTimeout = Int(Next(args, ref i)); break;
                case "--action-every": actionEvery = Int(Next(args, ref i)); break;
                case "--host-dll": dll = Next(args, ref i); break;
                case "--host-env":
                    var pair = Next(args, ref i);
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    if (eq <= 0) throw new ArgumentException($"--host-env expects KEY=VALUE, got '{pair}'. {Usage}");
                    environment[pair[..eq]] = pair[(eq + 1)..];
                    break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}");
            }
        }
        if (projects < 1 || invoices < projects) throw new ArgumentException($"Need at least one invoice per project. {Usage}");
        if (rate < 1 || load < 1 || idle < 1 || window < 1 || subscriptions < 1) throw new ArgumentException($"Rates, durations and counts must be positive. {Usage}");
        if (window > Math.Min(load, idle)) throw new ArgumentException($"--window must not exceed --load-seconds or --idle-seconds. {Usage}");
        return new RssOptions(invoices, projects, payers ?? Math.Max(10, projects / 10), seed, subscriptions, rate, load, idle, window,
            evaluationTimeout, drainTimeout, actionEvery, dll, environment);
    }

    private static string Next(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"'{args[i - 1]}' needs a value. {Usage}");

    private static int Int(string text) => int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
