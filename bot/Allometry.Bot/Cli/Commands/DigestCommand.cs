namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using Allometry.Bot.Reports.Cards;
using Allometry.Core.Cards;
using Allometry.Core.Postgres.Digests;
using Allometry.Core.Postgres.Ledger;
using Spectre.Console;

/// <summary>
/// <c>allometry digest morning|weekly --subscription &lt;id&gt; --preview</c>: composes the card the
/// subscription would receive and prints it; nothing is posted (the host's scheduler posts).
/// A weekly summary stores its figures for next week's deltas.
/// </summary>
internal static class DigestCommand
{
    public static Command Create(CliEnvironment env)
    {
        var digest = new Command("digest", "Compose a subscription's digest / composer le résumé d'un abonnement");
        digest.Add(Kind(env, DigestKind.Morning, "morning", "The morning digest / le résumé du matin"));
        digest.Add(Kind(env, DigestKind.Weekly, "weekly", "The weekly exposure summary / le sommaire hebdomadaire"));
        return digest;
    }

    private static Command Kind(CliEnvironment env, DigestKind kind, string name, string description)
    {
        var tenant = CommonOptions.Tenant("Tenant id; default: the only tenant, if there is one");
        var subscription = new Option<long>("--subscription") { Description = "Subscription id (allometry subscriptions list)", Required = true };
        var preview = new Option<bool>("--preview") { Description = "Print the card here instead of posting it (the only mode so far) / afficher sans publier" };
        var weekEnding = new Option<DateOnly?>("--week-ending") { Description = "Weekly: the week's last day (yyyy-mm-dd); default today in the subscription's zone" };
        var lang = CommonOptions.Lang();
        var command = new Command(name, description) { tenant, subscription, preview, lang };
        if (kind == DigestKind.Weekly) command.Add(weekEnding);
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                await using var app = await env.StartAsync(ct);
                var tenantId = await TenantChoice.ResolveAsync(app.Get<TenantDirectory>(), parse.GetValue(tenant), language, ct);
                var id = parse.GetValue(subscription);
                var found = await app.Get<SubscriptionStore>().GetAsync(tenantId, id, ct)
                    ?? throw new ArgumentException(language == Core.Localization.Language.Fr
                        ? $"Aucun abonnement {id} pour {tenantId} (allometry subscriptions list)."
                        : $"No subscription {id} for {tenantId} (allometry subscriptions list).");
                if (found.Kind != kind)
                {
                    throw new ArgumentException(language == Core.Localization.Language.Fr
                        ? $"L'abonnement {id} reçoit le résumé « {Core.Ledger.LedgerVocabulary.ToCode(found.Kind)} »."
                        : $"Subscription {id} receives the '{Core.Ledger.LedgerVocabulary.ToCode(found.Kind)}' digest.");
                }
                var service = app.Get<DigestService>();
                Card card = kind == DigestKind.Morning
                    ? await service.ComposeMorningAsync(found, ct)
                    : await service.ComposeWeeklyAsync(tenantId, id, parse.GetValue(weekEnding), ct);
                if (!parse.GetValue(preview))
                {
                    env.Out.MarkupLine(language == Core.Localization.Language.Fr
                        ? "[yellow]La publication n'est pas encore branchée : aperçu seulement.[/]"
                        : "[yellow]Posting is not wired yet: preview only.[/]");
                }
                env.Out.MarkupLine($"[dim]{Markup.Escape(found.Channel.Platform.ToString())} {Markup.Escape(found.Channel.Realm)}/{Markup.Escape(found.Channel.ConversationId)}[/]");
                CardConsoleRenderer.Write(env.Out, card);
                return CliRun.Ok;
            });
        });
        return command;
    }
}
