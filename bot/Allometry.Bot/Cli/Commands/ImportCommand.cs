namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using System.Globalization;
using Allometry.Bot.Imports;
using Allometry.Bot.Reports;
using Allometry.Core.Localization;
using Spectre.Console;

/// <summary><c>allometry import &lt;paths…&gt;</c>: load ledger workbooks and aging exports, all or nothing.</summary>
internal static class ImportCommand
{
    public static Command Create(CliEnvironment env)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Ledger workbooks (.xlsx or a folder of <sheet>.csv) and aging exports (.csv/.xlsx)",
            Arity = ArgumentArity.OneOrMore,
        };
        var tenant = CommonOptions.Tenant("Tenant id; default: the workbook's meta.tenant, else 'default'");
        var asOf = new Option<string?>("--as-of") { Description = "As-of date (yyyy-MM-dd) for exports that do not state one" };
        var lang = CommonOptions.Lang();
        var command = new Command("import", "Import receivables / importer les comptes clients") { paths, tenant, asOf, lang };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                var request = new ImportRequest(parse.GetValue(tenant), ParseAsOf(parse.GetValue(asOf)), language);
                await using var app = await env.StartAsync(ct);
                var outcome = await env.Out.Status().StartAsync(
                    language == Language.Fr ? "Import en cours…" : "Importing…",
                    _ => app.Get<ImportService>().ImportAsync(parse.GetValue(paths)!, request, ct));
                ImportReport.Write(env.Out, outcome, language);
                return CliRun.Ok;
            });
        });
        return command;
    }

    private static DateOnly? ParseAsOf(string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new ArgumentException($"--as-of must be a date as yyyy-MM-dd (got '{text}') / --as-of doit être une date aaaa-MM-jj");
}
