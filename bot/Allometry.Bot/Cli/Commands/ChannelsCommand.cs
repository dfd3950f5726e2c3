namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Conversations;
using Allometry.Core.Postgres.Ledger;
using Spectre.Console;

/// <summary>
/// <c>allometry channels bind|list|unbind</c>: which chat workspace (Entra tenant, Slack team, the
/// local web chat) talks to which tenant. Until a workspace is bound, the bot answers there only
/// with a notice saying how to connect it.
/// </summary>
internal static class ChannelsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var channels = new Command("channels", "Chat workspaces connected to a tenant / espaces de clavardage reliés à un locataire");
        channels.Add(Bind(env));
        channels.Add(List(env));
        channels.Add(Unbind(env));
        return channels;
    }

    private static Option<string> PlatformOption() =>
        new("--platform") { Description = "teams, slack or web_chat", Required = true };

    private static Option<string> RealmOption() =>
        new("--realm") { Description = "Entra tenant id (Teams), team id (Slack), or local (web chat) / domaine", Required = true };

    private static Command Bind(CliEnvironment env)
    {
        var platform = PlatformOption();
        var realm = RealmOption();
        var tenant = CommonOptions.Tenant("Tenant id; default: the only tenant, if there is one");
        var lang = CommonOptions.Lang();
        var command = new Command("bind", "Connect a workspace to a tenant / relier un espace à un locataire") { platform, realm, tenant, lang };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                var (chat, realmId) = (ParsePlatform(parse.GetValue(platform)), ParseRealm(parse.GetValue(realm)));
                await using var app = await env.StartAsync(ct);
                var tenantId = await TenantChoice.ResolveAsync(app.Get<TenantDirectory>(), parse.GetValue(tenant), language, ct);
                await app.Get<ChatRealmStore>().BindAsync(tenantId, chat, realmId, "cli", ct);
                env.Out.MarkupLine(language == Language.Fr
                    ? $"[green]{Markup.Escape(LedgerVocabulary.ToCode(chat))} « {Markup.Escape(realmId)} » relié à {Markup.Escape(tenantId)}.[/]"
                    : $"[green]{Markup.Escape(LedgerVocabulary.ToCode(chat))} '{Markup.Escape(realmId)}' connected to {Markup.Escape(tenantId)}.[/]");
                return CliRun.Ok;
            });
        });
        return command;
    }

    private static Command List(CliEnvironment env)
    {
        var tenant = CommonOptions.Tenant("Tenant id; default: the only tenant, if there is one");
        var lang = CommonOptions.Lang();
        var command = new Command("list", "List connected workspaces and conversations / lister les espaces et conversations") { tenant, lang };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                var fr = language == Language.Fr;
                await using var app = await env.StartAsync(ct);
                var tenantId = await TenantChoice.ResolveAsync(app.Get<TenantDirectory>(), parse.GetValue(tenant), language, ct);
                var realms = await app.Get<ChatRealmStore>().ListAsync(tenantId, ct);
                var conversations = await app.Get<ChatConversationStore>().ListAsync(tenantId, ct);
                if (realms.Count == 0)
                {
                    env.Out.MarkupLine(fr
                        ? $"Aucun espace relié à {Markup.Escape(tenantId)} : allometry channels bind --platform … --realm …"
                        : $"No workspace connected to {Markup.Escape(tenantId)}: allometry channels bind --platform … --realm …");
                    return CliRun.Ok;
                }
                var table = new Table { Border = TableBorder.Rounded };
                table.AddColumn(fr ? "Plateforme" : "Platform");
                table.AddColumn(fr ? "Domaine" : "Realm");
                table.AddColumn(fr ? "Relié le" : "Connected");
                table.AddColumn("Conversations");
                foreach (var r in realms)
                {
                    var here = conversations.Where(c => c.Address.Platform == r.Platform && c.Address.Realm == r.Realm)
                        .Select(c => c.ProjectId is { } p ? $"{c.Address.ConversationId} → {p}" : c.Address.ConversationId);
                    table.AddRow(Markup.Escape(LedgerVocabulary.ToCode(r.Platform)), Markup.Escape(r.Realm),
                        r.BoundAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                        Markup.Escape(string.Join("\n", here)));
                }
                env.Out.Write(table);
                return CliRun.Ok;
            });
        });
        return command;
    }

    private static Command Unbind(CliEnvironment env)
    {
        var platform = PlatformOption();
        var realm = RealmOption();
        var tenant = CommonOptions.Tenant("Tenant id; default: the only tenant, if there is one");
        var lang = CommonOptions.Lang();
        var command = new Command("unbind", "Disconnect a workspace / délier un espace") { platform, realm, tenant, lang };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                var (chat, realmId) = (ParsePlatform(parse.GetValue(platform)), ParseRealm(parse.GetValue(realm)));
                await using var app = await env.StartAsync(ct);
                var tenantId = await TenantChoice.ResolveAsync(app.Get<TenantDirectory>(), parse.GetValue(tenant), language, ct);
                if (!await app.Get<ChatRealmStore>().UnbindAsync(tenantId, chat, realmId, ct))
                {
                    throw new ArgumentException(language == Language.Fr
                        ? $"{LedgerVocabulary.ToCode(chat)} « {realmId} » n'est pas relié à {tenantId}."
                        : $"{LedgerVocabulary.ToCode(chat)} '{realmId}' is not connected to {tenantId}.");
                }
                env.Out.MarkupLine(language == Language.Fr
                    ? $"[green]{Markup.Escape(LedgerVocabulary.ToCode(chat))} « {Markup.Escape(realmId)} » délié.[/]"
                    : $"[green]{Markup.Escape(LedgerVocabulary.ToCode(chat))} '{Markup.Escape(realmId)}' disconnected.[/]");
                return CliRun.Ok;
            });
        });
        return command;
    }

    private static Platform ParsePlatform(string? text) =>
        LedgerVocabulary.TryParse<Platform>(text?.Trim().ToLowerInvariant().Replace('-', '_'), out var platform) && platform != Platform.Cli
            ? platform
            : throw new ArgumentException($"--platform must be teams, slack or web_chat (got '{text}') / --platform doit être teams, slack ou web_chat");

    private static string ParseRealm(string? text) =>
        text?.Trim() is { Length: > 0 } realm
            ? realm
            : throw new ArgumentException("--realm must not be empty / --realm ne doit pas être vide");
}
