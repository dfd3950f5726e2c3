namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using Allometry.Bot.Reports.Cards;
using Allometry.Core.Actions;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.People;
using Allometry.Core.Postgres.Questions;
using Allometry.Core.Questions;

/// <summary>
/// <c>allometry ask "&lt;question&gt;" --as &lt;email&gt;</c>: the chat question path without a chat
/// platform. The asker is the tenant's user with that email (<see cref="UserStore"/>); failing
/// that, <see cref="LedgerAskerLookup"/> (the ledger's project managers, roles from
/// <c>ALLOMETRY_ASKERS</c>) so a freshly imported ledger can be questioned before users are added.
/// </summary>
internal static class AskCommand
{
    public static Command Create(CliEnvironment env)
    {
        var question = new Argument<string>("question") { Description = "The question, in English or French / la question, en anglais ou en français" };
        var asker = new Option<string>("--as") { Description = "The asker's email / le courriel de la personne qui demande", Required = true };
        var tenant = CommonOptions.Tenant("Tenant id; default: the only tenant, if there is one");
        var lang = new Option<string?>("--lang") { Description = "Answer in en or fr (default: the question's language) / répondre en en ou fr" };
        var project = new Option<string?>("--project") { Description = "Act as a channel bound to this project / comme un canal lié à ce projet" };
        var command = new Command("ask", "Ask a question about receivables / poser une question sur les comptes clients")
        {
            question, asker, tenant, lang, project,
        };
        command.SetAction((parse, ct) =>
        {
            var text = parse.GetValue(question) ?? "";
            Language? forced = parse.GetValue(lang)?.Trim().ToLowerInvariant() switch
            {
                null or "" => null,
                "en" => Language.En,
                "fr" => Language.Fr,
                var other => throw new ArgumentException($"--lang must be en or fr (got '{other}') / --lang doit être en ou fr"),
            };
            var language = forced ?? IntentRecognizer.Recognize(text, CommonOptions.DefaultLanguage()).Language;
            return CliRun.GuardedAsync(env, language, async () =>
            {
                await using var app = await env.StartAsync(ct);
                var tenantId = await TenantChoice.ResolveAsync(app.Get<TenantDirectory>(), parse.GetValue(tenant), language, ct);
                var email = parse.GetValue(asker) ?? "";
                var lookup = new LedgerAskerLookup(app.Get<Npgsql.NpgsqlDataSource>(),
                    LedgerAskerLookup.ParseRoles(Environment.GetEnvironmentVariable("ALLOMETRY_ASKERS")));
                var user = await app.Get<UserStore>().FindByEmailAsync(tenantId, email, ct)
                    ?? await lookup.FindByEmailAsync(tenantId, email, ct) ?? throw new ArgumentException(language == Language.Fr
                    ? $"« {email} » n'est pas un utilisateur connu de « {tenantId} » (utilisateurs du locataire, chargés de projet du grand livre, ou ALLOMETRY_ASKERS=courriel=rôle)."
                    : $"'{email}' is not a known user of '{tenantId}' (the tenant's users, the ledger's project managers, or ALLOMETRY_ASKERS=email=role).");
                var context = new QuestionContext
                {
                    Language = forced, ChannelProjectId = parse.GetValue(project),
                    Permissions = await app.Get<IPermissionSettingsSource>().GetAsync(tenantId, ct),
                };
                var card = await app.Get<QuestionService>().AskAsync(tenantId, user, text, context, ct);
                CardConsoleRenderer.Write(env.Out, card);
                return CliRun.Ok;
            });
        });
        return command;
    }
}
