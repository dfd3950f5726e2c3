// BenchmarkDotNet micro-benchmarks of the ledger import's hot paths, in process (the solution's
// build settings would otherwise apply to the projects BenchmarkDotNet generates).
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

if (args is ["--client-pipeline", var folder])
{
    Allometry.Benchmarks.Micro.ClientPipeline.Run(folder);
    return;
}

var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .AddDiagnoser(MemoryDiagnoser.Default);
BenchmarkSwitcher.FromAssembly(typeof(Allometry.Benchmarks.Micro.AmountParserBenchmarks).Assembly).Run(args, config);
