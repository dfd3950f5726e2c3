namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using Allometry.Bot.Hosting;
using Allometry.Bot.Reports;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Ledger;
using Spectre.Console;

/// <summary><c>allometry ledger summary</c>: aging buckets per payer and per project.</summary>
internal static class LedgerCommand
{
    public static Command Create(CliEnvironment env)
    {
        var ledger = new Command("ledger", "Look at the imported ledger / consulter le grand livre importé");
        ledger.Add(Summary(env));
        return ledger;
    }

    private static Command Summary(CliEnvironment env)
    {
        var tenant = CommonOptions.Tenant("Tenant id; default: the only tenant, if there is one");
        var top = new Option<int?>("--top") { Description = "Show only the N largest payers and projects" };
        var lang = CommonOptions.Lang();
        var command = new Command("summary", "Aging buckets per payer and per project / classement chronologique par payeur et par projet") { tenant, top, lang };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                await using var app = await env.StartAsync(ct);
                var tenantId = await TenantChoice.ResolveAsync(app.Get<TenantDirectory>(), parse.GetValue(tenant), language, ct);
                return await WriteSummaryAsync(env, app, tenantId, language, parse.GetValue(top), ct);
            });
        });
        return command;
    }

    /// <summary>Prints the tenant's summaries (one per currency); shared with the demo.</summary>
    public static async Task<int> WriteSummaryAsync(CliEnvironment env, AppServices app, string tenantId, Language language, int? top, CancellationToken ct)
    {
        var store = app.Get<AgingSummaryStore>();
        var asOf = await store.LatestAsOfAsync(tenantId, ct);
        if (asOf is null)
        {
            env.Out.MarkupLine(language == Language.Fr
                ? $"Aucun import pour « {Markup.Escape(tenantId)} » : lancez d'abord [bold]allometry import[/]."
                : $"Nothing imported for '{Markup.Escape(tenantId)}' yet: run [bold]allometry import[/] first.");
            return CliRun.InputRejected;
        }
        var summaries = await store.SummarizeAsync(tenantId, asOf.Value, ct);
        if (summaries.Count == 0)
        {
            env.Out.MarkupLine(language == Language.Fr ? "Aucun solde ouvert." : "No open balances.");
        }
        foreach (var summary in summaries)
        {
            AgingSummaryView.Write(env.Out, summary, language, top);
        }
        return CliRun.Ok;
    }
}
