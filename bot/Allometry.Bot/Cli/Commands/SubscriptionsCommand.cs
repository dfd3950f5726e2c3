namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using System.Globalization;
using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Digests;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Rules;
using Spectre.Console;

/// <summary><c>allometry subscriptions add|list|remove</c>: which channels receive the morning digest or the weekly summary.</summary>
internal static class SubscriptionsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var subscriptions = new Command("subscriptions", "Digest subscriptions / abonnements aux résumés");
        subscriptions.Add(Add(env));
        subscriptions.Add(List(env));
        subscriptions.Add(Remove(env));
        return subscriptions;
    }

    private static Command Add(CliEnvironment env)
    {
        var tenant = CommonOptions.Tenant("Tenant id; default: the only tenant, if there is one");
        var kind = new Argument<string>("kind") { Description = "morning or weekly / matin ou hebdomadaire" };
        var platform = new Option<string>("--platform") { Description = "cli, slack, teams or web_chat (default cli)", DefaultValueFactory = _ => "cli" };
        var realm = new Option<string>("--realm") { Description = "Slack team id, Entra tenant id, or local (default local)", DefaultValueFactory = _ => "local" };
        var channel = new Option<string>("--channel") { Description = "Channel/conversation id (default terminal)", DefaultValueFactory = _ => "terminal" };
        var at = new Option<string>("--at") { Description = "Local time HH:mm (default 07:30)", DefaultValueFactory = _ => "07:30" };
        var zone = new Option<string>("--zone") { Description = "IANA time zone (default America/Toronto)", DefaultValueFactory = _ => "America/Toronto" };
        var weekday = new Option<DayOfWeek?>("--weekday") { Description = "Weekly: the day it goes out (default Monday)" };
        var province = new Option<string?>("--province") { Description = "Filter: site province (QC, ON…)" };
        var pm = new Option<string?>("--pm") { Description = "Filter: project manager's email" };
        var projects = new Option<string[]>("--project") { Description = "Filter: a project id (repeatable)", AllowMultipleArgumentsPerToken = true };
        var minSeverity = new Option<string>("--min-severity") { Description = "low, medium, high or critical (default low)", DefaultValueFactory = _ => "low" };
        var top = new Option<int>("--top") { Description = "Lines in the digest (default 10)", DefaultValueFactory = _ => 10 };
        var digestLang = new Option<string?>("--digest-lang") { Description = "The digest's language, en or fr (default: --lang)" };
        var lang = CommonOptions.Lang();
        var command = new Command("add", "Subscribe a channel / abonner un canal")
        {
            kind, tenant, platform, realm, channel, at, zone, weekday, province, pm, projects, minSeverity, top, digestLang, lang,
        };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                var subscription = new DigestSubscription
                {
                    TenantId = "",
                    Kind = Parse<DigestKind>(parse.GetValue(kind), "kind"),
                    Channel = new ChannelAddress(Parse<Platform>(parse.GetValue(platform), "--platform"), parse.GetValue(realm)!, parse.GetValue(channel)!),
                    Language = parse.GetValue(digestLang) is { } l ? Parse<Language>(l, "--digest-lang") : language,
                    LocalTime = TimeOnly.TryParseExact(parse.GetValue(at), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                        ? time : throw new ArgumentException("--at must be HH:mm / --at doit être HH:mm"),
                    TimeZone = parse.GetValue(zone)!,
                    Weekday = parse.GetValue(weekday),
                    Filter = new DigestFilter
                    {
                        Province = parse.GetValue(province),
                        ProjectManager = parse.GetValue(pm),
                        Projects = parse.GetValue(projects) ?? [],
                        MinSeverity = Parse<Severity>(parse.GetValue(minSeverity), "--min-severity"),
                        Top = parse.GetValue(top) is var n and > 0 ? n : throw new ArgumentException("--top must be positive / --top doit être positif"),
                    },
                };
                await using var app = await env.StartAsync(ct);
                var tenantId = await TenantChoice.ResolveAsync(app.Get<TenantDirectory>(), parse.GetValue(tenant), language, ct);
                var added = await app.Get<SubscriptionStore>().AddAsync(subscription with { TenantId = tenantId }, ct);
                env.Out.MarkupLine(language == Language.Fr
                    ? $"[green]Abonnement {added.SubscriptionId} ajouté[/] ({LedgerVocabulary.ToCode(added.Kind)}, {added.LocalTime:HH\\:mm} {Markup.Escape(added.TimeZone)})."
                    : $"[green]Subscription {added.SubscriptionId} added[/] ({LedgerVocabulary.ToCode(added.Kind)}, {added.LocalTime:HH\\:mm} {Markup.Escape(added.TimeZone)}).");
                return CliRun.Ok;
            });
        });
        return command;
    }

    private static Command List(CliEnvironment env)
    {
        var tenant = CommonOptions.Tenant("Tenant id; default: the only tenant, if there is one");
        var lang = CommonOptions.Lang();
        var command = new Command("list", "List subscriptions / lister les abonnements") { tenant, lang };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                await using var app = await env.StartAsync(ct);
                var tenantId = await TenantChoice.ResolveAsync(app.Get<TenantDirectory>(), parse.GetValue(tenant), language, ct);
                var all = await app.Get<SubscriptionStore>().ListAsync(tenantId, ct);
                SubscriptionsTable.Write(env.Out, all, language);
                return CliRun.Ok;
            });
        });
        return command;
    }

    private static Command Remove(CliEnvironment env)
    {
        var tenant = CommonOptions.Tenant("Tenant id; default: the only tenant, if there is one");
        var id = new Argument<long>("id") { Description = "Subscription id" };
        var lang = CommonOptions.Lang();
        var command = new Command("remove", "Remove a subscription / retirer un abonnement") { id, tenant, lang };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                await using var app = await env.StartAsync(ct);
                var tenantId = await TenantChoice.ResolveAsync(app.Get<TenantDirectory>(), parse.GetValue(tenant), language, ct);
                var subscriptionId = parse.GetValue(id);
                if (!await app.Get<SubscriptionStore>().RemoveAsync(tenantId, subscriptionId, ct))
                {
                    throw new ArgumentException(language == Language.Fr ? $"Aucun abonnement {subscriptionId}." : $"No subscription {subscriptionId}.");
                }
                env.Out.MarkupLine(language == Language.Fr ? $"[green]Abonnement {subscriptionId} retiré.[/]" : $"[green]Subscription {subscriptionId} removed.[/]");
                return CliRun.Ok;
            });
        });
        return command;
    }

    private static T Parse<T>(string? text, string option) where T : struct, Enum =>
        LedgerVocabulary.TryParse<T>(text?.Trim().ToLowerInvariant(), out var value)
            ? value
            : throw new ArgumentException($"{option} must be one of {string.Join(", ", LedgerVocabulary.AllCodes<T>())} (got '{text}') / {option} doit être l'une de ces valeurs");
}
