namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using Allometry.Bot.Reports.Cards;
using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Actions;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.People;

/// <summary>
/// <c>allometry act &lt;exception&gt; &lt;verb&gt; [args] --as &lt;email&gt;</c>: one action on an exception,
/// through the same service, permissions, idempotency and audit as a chat card. The CLI acts as
/// the platform identity <c>cli:local:&lt;email&gt;</c>.
/// </summary>
internal static class ActCommand
{
    public const int Refused = 1;

    public static Command Create(CliEnvironment env)
    {
        var exception = new Argument<long>("exception") { Description = "Exception id / numéro de l'exception" };
        var verb = new Argument<string>("verb")
        {
            Description = "snooze, escalate, reroute, assign_to_me, add_note, record_promise, dismiss, release_retainage, approve_release",
        };
        var until = new Option<string?>("--until") { Description = "Snooze until yyyy-MM-dd / reporter jusqu'au" };
        var days = new Option<string?>("--days") { Description = "Snooze 1, 3, 7 or 14 days / reporter de 1, 3, 7 ou 14 jours" };
        var condition = new Option<string?>("--condition") { Description = "payment_received or deposit_received" };
        var reason = new Option<string?>("--reason") { Description = "Why / pourquoi" };
        var note = new Option<string?>("--note") { Description = "Note / note" };
        var payer = new Option<string?>("--payer") { Description = "Re-route to this linked payer id / réacheminer vers ce payeur lié" };
        var amount = new Option<string?>("--amount") { Description = "Amount (1234.56 or 1 234,56) / montant" };
        var date = new Option<string?>("--date") { Description = "Date yyyy-MM-dd" };
        var to = new Option<string?>("--to") { Description = "Escalate: 'manager' for the project manager's manager / au gestionnaire du chargé de projet" };
        var version = new Option<int?>("--version") { Description = "The version your card showed / la version affichée" };
        var key = new Option<string?>("--key") { Description = "Idempotency key (a retry with the same key changes nothing more)" };
        var asUser = new Option<string>("--as") { Description = "Your email / votre courriel", Required = true };
        var tenant = CommonOptions.Tenant("Tenant id; default: the only tenant, if there is one");
        var lang = CommonOptions.Lang();
        var command = new Command("act", "Act on an exception / agir sur une exception")
        {
            exception, verb, until, days, condition, reason, note, payer, amount, date, to, version, key, asUser, tenant, lang,
        };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                var actionVerb = ParseVerb(parse.GetValue(verb));
                var data = new Dictionary<string, string?>
                {
                    ["until"] = parse.GetValue(until), ["days"] = parse.GetValue(days), ["condition"] = parse.GetValue(condition),
                    ["reason"] = parse.GetValue(reason), ["note"] = parse.GetValue(note), ["payer"] = parse.GetValue(payer),
                    ["amount"] = parse.GetValue(amount), ["date"] = parse.GetValue(date), ["to"] = parse.GetValue(to),
                };
                var parsed = ActionArgumentParser.Parse(actionVerb, data, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));
                if (!parsed.IsValid)
                {
                    Render(env, language, NoticeKind.Error, parsed.Error!);
                    return CliRun.InputRejected;
                }
                await using var app = await env.StartAsync(ct);
                var tenantId = await TenantChoice.ResolveAsync(app.Get<TenantDirectory>(), parse.GetValue(tenant), language, ct);
                var email = parse.GetValue(asUser)!;
                var user = await app.Get<UserStore>().FindByEmailAsync(tenantId, email, ct);
                if (user is null)
                {
                    CardConsoleRenderer.Write(env.Out, UnlinkedUserNotice.Build(language));
                    return Refused;
                }
                var outcome = await app.Get<ActionService>().ExecuteAsync(new ActionRequest
                {
                    TenantId = tenantId, Verb = actionVerb, IdempotencyKey = parse.GetValue(key) ?? Guid.NewGuid().ToString("N"),
                    Actor = new Actor(user, new PlatformIdentity(Platform.Cli, "local", user.Email)),
                    ExceptionId = parse.GetValue(exception), ExpectedVersion = parse.GetValue(version), Arguments = parsed.Arguments!,
                }, ct);
                var kind = outcome.Succeeded ? NoticeKind.Confirmation : outcome.Kind == ActionOutcomeKind.Stale ? NoticeKind.Warning : NoticeKind.Error;
                Render(env, language, kind, outcome.Message, outcome.Version);
                return outcome.Succeeded ? CliRun.Ok : Refused;
            });
        });
        return command;
    }

    private static ActionVerb ParseVerb(string? text)
    {
        var code = text?.Trim().ToLowerInvariant().Replace('-', '_') switch
        {
            "assign" => "assign_to_me",
            "note" => "add_note",
            "promise" => "record_promise",
            "release" => "release_retainage",
            "approve" => "approve_release",
            var other => other,
        };
        return LedgerVocabulary.TryParse<ActionVerb>(code, out var verb) && verb is not (ActionVerb.View or ActionVerb.Ask or ActionVerb.Subscribe or ActionVerb.ExportAudit)
            ? verb
            : throw new ArgumentException($"Unknown action '{text}' / action inconnue « {text} »: snooze, escalate, reroute, assign_to_me, add_note, record_promise, dismiss, release_retainage, approve_release");
    }

    private static void Render(CliEnvironment env, Language language, NoticeKind kind, LocalizedText message, int? version = null)
    {
        var text = version is { } v ? (language == Language.Fr ? $"Version {v}" : $"Version {v}") : null;
        CardConsoleRenderer.Write(env.Out, new NoticeCard
        {
            Language = language, Kind = kind, Title = message.For(language), Text = text, FallbackText = message.For(language),
        });
    }
}
