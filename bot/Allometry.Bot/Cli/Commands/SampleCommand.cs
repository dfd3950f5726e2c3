namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using Allometry.Adapters.Ledger.Writing;
using Allometry.Core.Localization;
using Allometry.Core.Sample;
using Spectre.Console;

/// <summary><c>allometry sample generate &lt;out&gt;</c>: write the sample operator's ledger workbook.</summary>
internal static class SampleCommand
{
    public static Command Create(CliEnvironment env)
    {
        var sample = new Command("sample", "The sample operator / l'exploitant d'exemple");
        sample.Add(Generate(env));
        return sample;
    }

    private static Command Generate(CliEnvironment env)
    {
        var output = new Argument<string>("out") { Description = "A folder for <sheet>.csv files, or a file name ending in .xlsx" };
        var seed = new Option<int>("--seed") { Description = "Random seed (the same seed always gives the same ledger)", DefaultValueFactory = _ => SampleOperatorGenerator.DefaultSeed };
        var lang = CommonOptions.Lang();
        var command = new Command("generate", "Write the sample ledger workbook / écrire le classeur d'exemple") { output, seed, lang };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, () =>
            {
                var ledger = SampleOperatorGenerator.Generate(parse.GetValue(seed));
                var written = Write(ledger, parse.GetValue(output)!);
                env.Out.MarkupLine(language == Language.Fr
                    ? $"[green]Classeur écrit[/] : {Markup.Escape(written)} — {ledger.Payers.Count} payeurs, {ledger.Projects.Count} projets, {ledger.Invoices.Count} factures, {ledger.PlantedCases.Count} cas plantés."
                    : $"[green]Workbook written[/]: {Markup.Escape(written)} — {ledger.Payers.Count} payers, {ledger.Projects.Count} projects, {ledger.Invoices.Count} invoices, {ledger.PlantedCases.Count} planted cases.");
                return Task.FromResult(CliRun.Ok);
            });
        });
        return command;
    }

    /// <summary>Writes an .xlsx when the path says so, else a folder of CSV files; returns the full path.</summary>
    public static string Write(SampleLedger ledger, string path)
    {
        var full = Path.GetFullPath(path);
        if (full.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            LedgerWorkbookWriter.WriteXlsx(ledger, full);
        }
        else
        {
            LedgerWorkbookWriter.WriteCsvFolder(ledger, full);
        }
        return full;
    }
}
