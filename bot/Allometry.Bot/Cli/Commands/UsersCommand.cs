namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.People;
using Spectre.Console;

/// <summary>
/// <c>allometry users add|list|link|unlink</c>: the people of a tenant, their roles, and the chat
/// identities an administrator links to them where no directory can verify their email.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(CliEnvironment env)
    {
        var users = new Command("users", "People and roles / personnes et rôles");
        users.Add(Add(env));
        users.Add(List(env));
        users.Add(UsersLinkCommand.Link(env));
        users.Add(UsersLinkCommand.Unlink(env));
        return users;
    }

    private static Command Add(CliEnvironment env)
    {
        var email = new Argument<string>("email") { Description = "Work email / courriel professionnel" };
        var name = new Option<string>("--name") { Description = "Full name / nom complet", Required = true };
        var role = new Option<string>("--role") { Description = "viewer, project_manager, coordinator, finance or executive", Required = true };
        var tenant = CommonOptions.Tenant("Tenant id; default: the only tenant, if there is one");
        var lang = CommonOptions.Lang();
        var command = new Command("add", "Add a person or change their role / ajouter une personne ou changer son rôle") { email, name, role, tenant, lang };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                var address = parse.GetValue(email)!.Trim();
                if (!address.Contains('@', StringComparison.Ordinal)) throw new ArgumentException($"'{address}' is not an email / n'est pas un courriel");
                var parsedRole = ParseRole(parse.GetValue(role));
                await using var app = await env.StartAsync(ct);
                var tenantId = await TenantChoice.ResolveAsync(app.Get<TenantDirectory>(), parse.GetValue(tenant), language, ct);
                var user = await app.Get<UserStore>().AddAsync(tenantId, address, parse.GetValue(name)!, parsedRole, language, ct);
                env.Out.WriteLine(language == Language.Fr
                    ? $"{user.Name} <{user.Email}> : {PeopleCodes.ToCode(parsedRole)} dans {tenantId}"
                    : $"{user.Name} <{user.Email}>: {PeopleCodes.ToCode(parsedRole)} in {tenantId}");
                return CliRun.Ok;
            });
        });
        return command;
    }

    private static Command List(CliEnvironment env)
    {
        var tenant = CommonOptions.Tenant("Tenant id; default: the only tenant, if there is one");
        var lang = CommonOptions.Lang();
        var command = new Command("list", "List the tenant's people / lister les personnes") { tenant, lang };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                await using var app = await env.StartAsync(ct);
                var tenantId = await TenantChoice.ResolveAsync(app.Get<TenantDirectory>(), parse.GetValue(tenant), language, ct);
                var users = await app.Get<UserStore>().ListAsync(tenantId, ct);
                var fr = language == Language.Fr;
                var table = new Table().AddColumns(fr ? "Courriel" : "Email", fr ? "Nom" : "Name", fr ? "Rôle" : "Role", fr ? "Langue" : "Language");
                foreach (var user in users)
                {
                    table.AddRow(Markup.Escape(user.Email), Markup.Escape(user.Name), PeopleCodes.ToCode(user.RoleIn(tenantId)!.Value), PeopleCodes.ToCode(user.Language));
                }
                env.Out.Write(table);
                return CliRun.Ok;
            });
        });
        return command;
    }

    private static Core.People.Role ParseRole(string? text)
    {
        try
        {
            return PeopleCodes.ParseRole(text ?? "");
        }
        catch (FormatException e)
        {
            throw new ArgumentException(e.Message + " / rôle inconnu", e);
        }
    }
}
