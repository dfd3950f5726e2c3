namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.People;
using Spectre.Console;

/// <summary>
/// <c>allometry users link|unlink</c>: an administrator ties a Teams, Slack or web-chat identity to
/// a user of the tenant (or removes the tie), for people whose platform directory cannot verify
/// their email, so the chat's own "link me@…" cannot.
/// </summary>
internal static class UsersLinkCommand
{
    public static Command Link(CliEnvironment env)
    {
        var email = new Option<string?>("--email") { Description = "The user's work email / courriel professionnel de l'utilisateur", Required = true };
        return IdentityCommand(env, "link", "Link a chat identity to a user / relier une identité de clavardage à un utilisateur", email,
            async (users, tenantId, identity, address, language, ct) =>
            {
                var (user, already) = await users.LinkByAdministratorAsync(tenantId, address!, identity, ct);
                var account = IdentityLinkTexts.Describe(identity, language);
                return (already, language) switch
                {
                    (true, Language.Fr) => $"{account} était déjà relié à {user.Name} <{user.Email}>.",
                    (true, _) => $"{account} was already linked to {user.Name} <{user.Email}>.",
                    (false, Language.Fr) => $"{account} est maintenant relié à {user.Name} <{user.Email}> dans {tenantId}.",
                    (false, _) => $"{account} is now linked to {user.Name} <{user.Email}> in {tenantId}.",
                };
            });
    }

    public static Command Unlink(CliEnvironment env)
    {
        var email = new Option<string?>("--email") { Description = "Only if linked to this user / seulement s'il est relié à cet utilisateur" };
        return IdentityCommand(env, "unlink", "Remove a chat identity's link / retirer la liaison d'une identité de clavardage", email,
            async (users, tenantId, identity, address, language, ct) =>
            {
                var user = await users.UnlinkAsync(tenantId, identity, address, ct);
                var account = IdentityLinkTexts.Describe(identity, language);
                return language == Language.Fr
                    ? $"{account} n'est plus relié à {user.Name} <{user.Email}>."
                    : $"{account} is no longer linked to {user.Name} <{user.Email}>.";
            });
    }

    // Both commands: the identity options, the tenant, the language, one UserStore call and the line it prints.
    private static Command IdentityCommand(CliEnvironment env, string name, string description, Option<string?> email,
        Func<UserStore, string, PlatformIdentity, string?, Language, CancellationToken, Task<string>> run)
    {
        var (platform, realm, userId) = IdentityOptions();
        var tenant = CommonOptions.Tenant("Tenant id; default: the only tenant, if there is one");
        var lang = CommonOptions.Lang();
        var command = new Command(name, description) { email, platform, realm, userId, tenant, lang };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                var identity = Identity(parse.GetValue(platform), parse.GetValue(realm), parse.GetValue(userId));
                await using var app = await env.StartAsync(ct);
                var tenantId = await TenantChoice.ResolveAsync(app.Get<TenantDirectory>(), parse.GetValue(tenant), language, ct);
                env.Out.WriteLine(await run(app.Get<UserStore>(), tenantId, identity, parse.GetValue(email), language, ct));
                return CliRun.Ok;
            });
        });
        return command;
    }

    private static (Option<string> Platform, Option<string> Realm, Option<string> UserId) IdentityOptions() => (
        new Option<string>("--platform") { Description = "teams, slack or webchat", Required = true },
        new Option<string>("--realm")
        {
            Description = "Teams: the Entra tenant id; Slack: the team id; web chat: the site / Teams : id du locataire Entra; Slack : id de l'équipe",
            Required = true,
        },
        new Option<string>("--user-id")
        {
            Description = "Teams: the AAD object id; Slack: the user id (U…); web chat: the user id / Teams : id d'objet AAD; Slack : id de l'utilisateur",
            Required = true,
        });

    private static PlatformIdentity Identity(string? platform, string? realm, string? userId)
    {
        var parsed = platform?.Trim().ToLowerInvariant() switch
        {
            "teams" => Platform.Teams,
            "slack" => Platform.Slack,
            "webchat" or "web_chat" or "web-chat" => Platform.WebChat,
            _ => throw new LocalizedArgumentException(new LocalizedText(
                $"--platform: '{platform}' is not teams, slack or webchat. Nothing was changed.",
                $"--platform : « {platform} » n'est pas teams, slack ou webchat. Rien n'a été modifié.")),
        };
        if (string.IsNullOrWhiteSpace(realm)) throw Blank("--realm");
        if (string.IsNullOrWhiteSpace(userId)) throw Blank("--user-id");
        return new PlatformIdentity(parsed, realm.Trim(), userId.Trim());
    }

    private static LocalizedArgumentException Blank(string option) => new(new LocalizedText(
        $"{option} may not be empty. Nothing was changed.", $"{option} ne peut pas être vide. Rien n'a été modifié."));
}
