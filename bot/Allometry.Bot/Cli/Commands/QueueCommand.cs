namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using Allometry.Bot.Reports.Cards;
using Allometry.Core.Actions;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Digests;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.People;
using Spectre.Console;

/// <summary>
/// <c>allometry queue --as &lt;email&gt;</c>: the risk-scored queue as the viewer's exception cards
/// (or one table with <c>--table</c>), with only the actions their role allows.
/// <c>--role</c> stands in for <c>--as</c> while a database has no users yet.
/// </summary>
internal static class QueueCommand
{
    public static Command Create(CliEnvironment env)
    {
        var tenant = CommonOptions.Tenant("Tenant id; default: the only tenant, if there is one");
        var asUser = new Option<string?>("--as") { Description = "The viewer's email (a user of the tenant) / courriel de la personne" };
        var role = new Option<string?>("--role")
        {
            Description = "Stand-in for --as: viewer, project_manager, coordinator, finance or executive / rôle à la place de --as",
        };
        var top = new Option<int>("--top") { Description = "How many cards (default 10) / combien de cartes", DefaultValueFactory = _ => 10 };
        var table = new Option<bool>("--table") { Description = "One table instead of cards / un tableau plutôt que des cartes" };
        var lang = CommonOptions.Lang();
        var command = new Command("queue", "The risk-scored collections queue as cards / la file de recouvrement par risque")
        {
            tenant, asUser, role, top, table, lang,
        };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                var n = parse.GetValue(top) is var t and >= 0 ? t : throw new ArgumentException("--top must be zero or more / --top doit être positif ou nul");
                await using var app = await env.StartAsync(ct);
                var tenantId = await TenantChoice.ResolveAsync(app.Get<TenantDirectory>(), parse.GetValue(tenant), language, ct);
                var (viewerRole, email, viewerLanguage) = await ViewerAsync(app.Get<UserStore>(), tenantId, parse.GetValue(asUser), parse.GetValue(role), language, env.Out, ct);
                var permissions = await app.Get<IPermissionSettingsSource>().GetAsync(tenantId, ct);
                var (cards, more) = await app.Get<QueueCardService>().ComposeAsync(tenantId, viewerRole, viewerLanguage, email, n, permissions, ct);
                var fr = viewerLanguage == Language.Fr;
                if (cards.Count == 0)
                {
                    env.Out.MarkupLine(fr ? "[green]Rien dans la file.[/]" : "[green]Nothing in the queue.[/]");
                    return CliRun.Ok;
                }
                if (parse.GetValue(table)) QueueTable.Write(env.Out, cards);
                else foreach (var card in cards) CardConsoleRenderer.Write(env.Out, card);
                if (more > 0) env.Out.MarkupLine(fr ? $"[dim]… et {more} autres (--top)[/]" : $"[dim]… and {more} more (--top)[/]");
                return CliRun.Ok;
            });
        });
        return command;
    }

    private static async Task<(Role Role, string? Email, Language Language)> ViewerAsync(UserStore users, string tenantId,
        string? email, string? roleText, Language language, IAnsiConsole console, CancellationToken ct)
    {
        var fr = language == Language.Fr;
        if (!string.IsNullOrWhiteSpace(email))
        {
            var viewer = await users.FindByEmailAsync(tenantId, email.Trim(), ct);
            if (viewer?.RoleIn(tenantId) is not { } viewerRole)
            {
                throw new ArgumentException(fr
                    ? $"{email} n'est pas une personne de {tenantId} : ajoutez-la avec allometry users add."
                    : $"{email} is not a user of {tenantId}: add them with allometry users add.");
            }
            console.MarkupLine($"[dim]{Markup.Escape(viewer.Name)} · {LedgerVocabulary.ToCode(viewerRole)}[/]");
            return (viewerRole, viewer.Email, language);
        }
        if (!string.IsNullOrWhiteSpace(roleText))
        {
            if (!LedgerVocabulary.TryParse<Role>(roleText.Trim().ToLowerInvariant(), out var role))
            {
                throw new ArgumentException($"--role must be one of {string.Join(", ", LedgerVocabulary.AllCodes<Role>())} / --role doit être l'une de ces valeurs");
            }
            console.MarkupLine(fr
                ? $"[yellow]--role {LedgerVocabulary.ToCode(role)} remplace --as : aucune personne n'est résolue (les projets d'un chargé de projet ne sont pas connus).[/]"
                : $"[yellow]--role {LedgerVocabulary.ToCode(role)} stands in for --as: no user is resolved (a project manager's own projects are unknown).[/]");
            return (role, null, language);
        }
        throw new ArgumentException(fr ? "Précisez --as <courriel> (ou --role)." : "Pass --as <email> (or --role).");
    }
}
