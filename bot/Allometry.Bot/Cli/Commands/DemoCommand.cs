namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using Allometry.Bot.Demo;
using Allometry.Bot.Reports;
using Allometry.Core.Exceptions;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.People;
using Allometry.Core.Rules;
using Allometry.Core.Sample;
using Spectre.Console;

/// <summary>
/// <c>allometry demo</c>: the sample operator end to end on the embedded default — private
/// PostgreSQL, the generated ledger workbook imported through the real reader and store, and
/// the aging summary. A second run reuses the data; <c>--reset</c> starts over.
/// </summary>
internal static class DemoCommand
{
    public const string Tenant = DemoSetup.Tenant;

    public static Command Create(CliEnvironment env)
    {
        var reset = new Option<bool>("--reset") { Description = "Delete the demo data and load it again / recharger les données de démonstration" };
        var noServe = new Option<bool>("--no-serve") { Description = "Load and report, then exit without starting the web chat / charger et résumer, sans lancer le clavardage web" };
        var urls = new Option<string>("--urls") { Description = "Where the web chat listens / adresse du clavardage web", DefaultValueFactory = _ => DemoConfiguration.DefaultUrls };
        var lang = CommonOptions.Lang();
        var command = new Command("demo", "Run the demo on a private database / lancer la démonstration") { reset, noServe, urls, lang };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                var status = await RunAsync(env, parse.GetValue(reset), language, ct);
                return status != CliRun.Ok || parse.GetValue(noServe) ? status : await DemoServe.RunAsync(env, parse.GetValue(urls)!, language, ct);
            });
        });
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, bool reset, Language language, CancellationToken ct)
    {
        var fr = language == Language.Fr;
        await using var app = await env.StartAsync(ct);
        var data = await DemoSetup.PrepareAsync(app.Get, env.Home.SampleDirectory, reset, language, ct);
        if (data.Generated is { } ledger)
        {
            env.Out.MarkupLine(fr
                ? $"Exploitant d'exemple généré : {ledger.Payers.Count} payeurs, {ledger.Projects.Count} projets, {ledger.Invoices.Count} factures."
                : $"Sample operator generated: {ledger.Payers.Count} payers, {ledger.Projects.Count} projects, {ledger.Invoices.Count} invoices.");
            ImportReport.Write(env.Out, data.Imported!, language);
        }
        else
        {
            env.Out.MarkupLine(fr
                ? $"Données de démonstration déjà chargées (au {data.ReusedAsOf:yyyy-MM-dd}) : réutilisées. [dim]--reset pour recommencer.[/]"
                : $"Demo data already loaded (as of {data.ReusedAsOf:yyyy-MM-dd}): reusing it. [dim]--reset starts over.[/]");
        }
        var workbook = data.Workbook;

        var status = await LedgerCommand.WriteSummaryAsync(env, app, Tenant, language, top: 12, ct);
        env.Out.WriteLine();
        // The point of the product: what someone must act on, worst first.
        var worst = new ExceptionQuery { Status = ExceptionStatus.Open, MinSeverity = Severity.Medium, Top = 10 };
        ExceptionsCommand.Write(env.Out, Tenant, await app.Get<ExceptionStore>().ListAsync(Tenant, worst, ct), worst, language);
        env.Out.WriteLine();
        env.Out.MarkupLine((fr ? "[bold]Base de données[/] : " : "[bold]Database[/]: ") + Markup.Escape(app.Database.Description));
        env.Out.MarkupLine((fr ? "[bold]Classeur d'exemple[/] : " : "[bold]Sample workbook[/]: ") + Markup.Escape(workbook));
        env.Out.MarkupLine(fr ? "[bold]Vous pouvez agir en tant que[/] (--as) :" : "[bold]You can act as[/] (--as):");
        foreach (var (email, name, role, _) in SampleUsers.People)
        {
            env.Out.MarkupLine($"  {Markup.Escape(email)} — {Markup.Escape(name)}, {LedgerVocabulary.ToCode(role)}");
        }
        env.Out.MarkupLine(fr
            ? "Ensuite : [bold]./allometry ask \"combien est dû sur PRJ-1099?\" --as marie.tremblay@borealis.example --tenant demo[/], [bold]./allometry exceptions list --tenant demo[/], [bold]./allometry diagnose .allometry/sample/borealis-ledger.xlsx --out rapport.html --lang fr[/]"
            : "Next: [bold]./allometry ask \"what's owed on PRJ-1099?\" --as marie.tremblay@borealis.example --tenant demo[/], [bold]./allometry exceptions list --tenant demo[/], [bold]./allometry diagnose .allometry/sample/borealis-ledger.xlsx --out report.html[/]");
        return status;
    }
}
