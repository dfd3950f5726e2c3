namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using Allometry.Bot.Hosting;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Rules;
using Spectre.Console;

/// <summary>
/// <c>allometry evaluate [--tenant] [--project] [--lang]</c>: runs the rules over the imported
/// ledger and brings the tenant's exceptions up to date (imports already do this; this command
/// re-runs it after a settings change, or for one project).
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var tenant = CommonOptions.Tenant("Tenant id; default: the only tenant, if there is one");
        var project = new Option<string?>("--project") { Description = "Evaluate one project only (its item-level exceptions) / un seul projet" };
        var lang = CommonOptions.Lang();
        var command = new Command("evaluate", "Run the rules and update the exceptions / appliquer les règles et mettre à jour les exceptions") { tenant, project, lang };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                await using var app = await env.StartAsync(ct);
                var tenantId = await TenantChoice.ResolveAsync(app.Get<TenantDirectory>(), parse.GetValue(tenant), language, ct);
                var projectId = parse.GetValue(project);
                ExceptionEvaluation result;
                try
                {
                    var evaluator = app.Get<ExceptionEvaluator>();
                    result = await env.Out.Status().StartAsync(
                        language == Language.Fr ? "Évaluation en cours…" : "Evaluating…",
                        _ => projectId is null
                            ? evaluator.EvaluateTenantAsync(tenantId, null, ct)
                            : evaluator.EvaluateProjectAsync(tenantId, projectId, ct));
                }
                catch (LedgerNotFoundException e)
                {
                    env.Error.MarkupLine("[red]" + Markup.Escape(NotFound(e, language)) + "[/]");
                    return CliRun.InputRejected;
                }
                Write(env.Out, result, language);
                return CliRun.Ok;
            });
        });
        return command;
    }

    private static string NotFound(LedgerNotFoundException e, Language language) => (e.ProjectId, language) switch
    {
        (null, Language.Fr) => $"Aucun import pour « {e.TenantId} » : lancez d'abord allometry import.",
        (null, _) => $"Nothing imported for '{e.TenantId}' yet: run allometry import first.",
        (var p, Language.Fr) => $"Le grand livre de « {e.TenantId} » n'a pas de projet « {p} ».",
        (var p, _) => $"The ledger of '{e.TenantId}' has no project '{p}'.",
    };

    /// <summary>What the evaluation changed, and which rules could not run.</summary>
    public static void Write(IAnsiConsole console, ExceptionEvaluation result, Language language)
    {
        var fr = language == Language.Fr;
        var scope = result.ProjectId is { } p
            ? (fr ? $"projet « {Markup.Escape(p)} » de « {Markup.Escape(result.TenantId)} »" : $"project '{Markup.Escape(p)}' of '{Markup.Escape(result.TenantId)}'")
            : (fr ? $"« {Markup.Escape(result.TenantId)} »" : $"'{Markup.Escape(result.TenantId)}'");
        console.MarkupLine(fr
            ? $"[green]Évaluation terminée[/] : {scope}, au {result.AsOf:yyyy-MM-dd}."
            : $"[green]Evaluation complete[/]: {scope}, as of {result.AsOf:yyyy-MM-dd}.");

        var table = new Table { Border = TableBorder.Simple };
        table.AddColumn(fr ? "Exceptions" : "Exceptions");
        table.AddColumn(new TableColumn(fr ? "Nombre" : "Count").RightAligned());
        foreach (var (en, frLabel, n) in new[]
        {
            ("Opened", "Ouvertes", result.Opened), ("Updated", "Mises à jour", result.Updated), ("Closed", "Fermées", result.Closed),
            ("Reopened", "Rouvertes", result.Reopened), ("Resurfaced (snooze)", "Réapparues (en veille)", result.Resurfaced),
            ("Snoozes ended", "Fins de mise en veille", result.SnoozesEnded), ("Unchanged", "Inchangées", result.Unchanged),
        })
        {
            table.AddRow(fr ? frLabel : en, n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        console.Write(table);

        if (result.ProjectId is not null)
        {
            console.MarkupLine(fr
                ? "[dim]Exceptions de payeur et de groupe lié : à la prochaine évaluation complète.[/]"
                : "[dim]Payer and linked-group exceptions are left to the next full evaluation.[/]");
        }
        foreach (var skipped in result.Rules.Skipped)
        {
            console.MarkupLine("[yellow]" + Markup.Escape(Skipped(skipped, fr)) + "[/]");
        }
    }

    private static string Skipped(SkippedRule rule, bool fr) => rule.Reason switch
    {
        SkipReason.Disabled => fr ? $"{rule.RuleId} : désactivée pour ce client." : $"{rule.RuleId}: switched off for this tenant.",
        _ => fr
            ? $"{rule.RuleId} : non appliquée, il manque {string.Join(", ", rule.MissingSheets)}."
            : $"{rule.RuleId}: not run, missing {string.Join(", ", rule.MissingSheets)}.",
    };
}
