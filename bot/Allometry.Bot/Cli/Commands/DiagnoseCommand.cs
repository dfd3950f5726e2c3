namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Allometry.Bot.Imports;
using Allometry.Bot.Reports.Diagnostic;
using Allometry.Core.Diagnostics;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Rules;
using Spectre.Console;

/// <summary>
/// <c>allometry diagnose &lt;aging export | ledger workbook…&gt; --out &lt;file&gt;</c>: the "what this would have
/// caught" report a prospect gets back. The input goes through the real import (same readers, same
/// integrity checks, same errors) into a throwaway tenant, is read back and evaluated by every
/// rule, and the tenant is deleted whatever happens. The report file is written whole or not at all.
/// </summary>
internal static class DiagnoseCommand
{
    /// <summary>Throwaway tenants are named with this prefix and a random suffix.</summary>
    public const string TenantPrefix = "diagnose-";

    public static Command Create(CliEnvironment env)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "An AR aging export (QuickBooks Online, Zoho Books, Sage; .csv/.xlsx) or a ledger workbook (.xlsx or a folder of <sheet>.csv)",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o") { Description = "The report file to write / le fichier du rapport", Required = true };
        var format = new Option<string?>("--format") { Description = "html, md or json; default: from the --out extension, else html" };
        var asOf = new Option<string?>("--as-of") { Description = "As-of date (yyyy-MM-dd) for exports that do not state one" };
        var top = new Option<int>("--top") { Description = "Findings listed with their evidence", DefaultValueFactory = _ => DiagnosticOptions.Default.TopItems };
        var lang = CommonOptions.Lang();
        var command = new Command("diagnose", "What this would have caught: a diagnostic report / ce que nous aurions détecté : rapport de diagnostic")
        {
            paths, output, format, asOf, top, lang,
        };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, () => RunAsync(env, new Request(
                parse.GetValue(paths)!, parse.GetValue(output)!, parse.GetValue(format), parse.GetValue(asOf), parse.GetValue(top), language), ct));
        });
        return command;
    }

    private sealed record Request(string[] Paths, string Out, string? Format, string? AsOf, int Top, Language Language);

    private static async Task<int> RunAsync(CliEnvironment env, Request request, CancellationToken ct)
    {
        var fr = request.Language == Language.Fr;
        var format = ResolveFormat(request, fr);
        var asOf = ParseAsOf(request.AsOf);
        if (request.Top < 0) throw new ArgumentException(fr ? "--top doit être positif ou nul." : "--top must be zero or more.");
        var outPath = Path.GetFullPath(request.Out);
        if (!Directory.Exists(Path.GetDirectoryName(outPath)))
        {
            throw new ArgumentException(fr
                ? $"Le dossier de --out n'existe pas : {Path.GetDirectoryName(outPath)}"
                : $"The folder of --out does not exist: {Path.GetDirectoryName(outPath)}");
        }

        await using var app = await env.StartAsync(ct);
        var tenant = TenantPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        DiagnosticReport report;
        try
        {
            await app.Get<ImportService>().ImportAsync(request.Paths, new ImportRequest(tenant, asOf, request.Language, Evaluate: false), ct);
            var ledger = AsReceived(await app.Get<LedgerSnapshotStore>().LoadAsync(tenant, ct));
            var context = new RuleContext(ledger, ledger.Meta.AsOf, DiagnosticSettings.For(ledger));
            report = DiagnosticReportBuilder.Evaluate(context, DiagnosticOptions.Default with
            {
                Sources = [.. request.Paths.Select(p => Path.GetFileName(Path.TrimEndingDirectorySeparator(p)))],
                TopItems = request.Top,
            });
        }
        finally
        {
            // The prospect's data does not outlive the report, even when the import or a rule failed.
            await app.Get<TenantDirectory>().DeleteAsync(tenant, CancellationToken.None);
        }

        try
        {
            ReportFile.WriteAtomically(outPath, DiagnosticRenderer.Render(report, format, request.Language));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            env.Error.MarkupLine("[red]" + Markup.Escape(fr
                ? $"Impossible d'écrire le rapport {outPath} : {e.Message} Rien n'a été écrit."
                : $"Could not write the report {outPath}: {e.Message} Nothing was written.") + "[/]");
            return CliRun.EnvironmentProblem;
        }

        var s = report.Summary;
        var money = MoneyFormat.Format(s.MoneyAtRisk, request.Language, report.Currency);
        env.Out.MarkupLine(fr
            ? $"[green]Rapport écrit[/] : {Markup.Escape(outPath)} — au {report.AsOf:yyyy-MM-dd}, {s.Findings} constat(s), {Markup.Escape(money)} à risque, {s.RulesRun} règle(s) exécutée(s) sur {s.RulesRun + s.RulesNotRun}."
            : $"[green]Report written[/]: {Markup.Escape(outPath)} — as of {report.AsOf:yyyy-MM-dd}, {s.Findings} finding(s), {Markup.Escape(money)} at risk, {s.RulesRun} of {s.RulesRun + s.RulesNotRun} rules run.");
        if (report.Coverage.MissingSheets.Count > 0)
        {
            var sheets = string.Join(", ", report.Coverage.MissingSheets.Select(m => m.Sheet));
            env.Out.MarkupLine("[dim]" + Markup.Escape(fr
                ? $"Non vérifié faute de données : le rapport indique ce que chaque feuille permettrait ({sheets})."
                : $"Not checked for lack of data: the report says what each sheet would enable ({sheets}).") + "[/]");
        }
        return CliRun.Ok;
    }

    /// <summary>
    /// The snapshot with the sheets the input really had. The store counts <c>meta</c> present for
    /// every tenant (it keeps the as-of date and currency), but aging exports carry no meta sheet:
    /// without seller province or registration numbers, the rules that read them must be reported
    /// as not run for lack of data rather than as run on nothing.
    /// </summary>
    internal static LedgerSnapshot AsReceived(LedgerSnapshot ledger)
    {
        var meta = ledger.Meta;
        var exportsOnly = ledger.Invoices.Count > 0 && ledger.Invoices.All(i => i.Origin != InvoiceOrigin.Workbook);
        var sellerUnknown = meta.SellerProvince is null && meta.SellerGstHstNumber is null && meta.SellerQstNumber is null && meta.SellerPstRegistrations.Count == 0;
        if (!exportsOnly || !sellerUnknown || !ledger.Has(LedgerSheets.Meta)) return ledger;
        var present = ledger.PresentSheets.Where(s => s != LedgerSheets.Meta).ToHashSet(StringComparer.Ordinal);
        return new LedgerSnapshot(meta, present, ledger.Payers, ledger.EntityLinks, ledger.Projects, ledger.Deliveries, ledger.Quotes,
            ledger.Invoices, ledger.Payments, ledger.PaymentApplications, ledger.Retainage, ledger.ServiceContracts, ledger.Promises, ledger.BankTransactions);
    }

    private static DiagnosticFormat ResolveFormat(Request request, bool fr) =>
        request.Format is null ? DiagnosticFormats.FromPath(request.Out)
        : DiagnosticFormats.Parse(request.Format) ?? throw new ArgumentException(fr
            ? $"--format doit être html, md ou json (reçu « {request.Format} »)."
            : $"--format must be html, md or json (got '{request.Format}').");

    private static DateOnly? ParseAsOf(string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new ArgumentException($"--as-of must be a date as yyyy-MM-dd (got '{text}') / --as-of doit être une date aaaa-MM-jj");
}
