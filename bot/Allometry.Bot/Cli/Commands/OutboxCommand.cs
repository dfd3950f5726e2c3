namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using System.Globalization;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Outbox;
using Spectre.Console;

/// <summary><c>allometry outbox status|retry|purge-dead</c>: what is waiting to be delivered, and what to do with dead messages.</summary>
internal static class OutboxCommand
{
    public static Command Create(CliEnvironment env)
    {
        var outbox = new Command("outbox", "The outbox of cards to deliver / la boîte d'envoi des cartes");
        outbox.Add(Status(env));
        outbox.Add(Retry(env));
        outbox.Add(PurgeDead(env));
        return outbox;
    }

    private static Command Status(CliEnvironment env)
    {
        var lang = CommonOptions.Lang();
        var command = new Command("status", "Counts by state and the latest dead messages / comptes par état et derniers messages morts") { lang };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                await using var app = await env.StartAsync(ct);
                var store = app.Get<OutboxStore>();
                var counts = await store.CountAsync(ct);
                var dead = await store.ListDeadAsync(10, ct);
                OutboxStatusTable.Write(env.Out, counts, dead, language);
                return CliRun.Ok;
            });
        });
        return command;
    }

    private static Command Retry(CliEnvironment env)
    {
        var id = new Option<long?>("--id") { Description = "The dead message to retry / le message mort à relancer" };
        var all = new Option<bool>("--all") { Description = "Retry every dead message / relancer tous les messages morts" };
        var lang = CommonOptions.Lang();
        var command = new Command("retry", "Put dead messages back in the queue / remettre des messages morts dans la file") { id, all, lang };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                var one = parse.GetValue(id);
                if (one is null == !parse.GetValue(all))
                    throw new ArgumentException(language == Language.Fr
                        ? "Précisez --id <n> ou --all (l'un ou l'autre)."
                        : "Give either --id <n> or --all (one of them).");
                await using var app = await env.StartAsync(ct);
                var revived = await app.Get<OutboxStore>().RetryDeadAsync(one, ct);
                if (one is { } single && revived == 0)
                    throw new ArgumentException(language == Language.Fr ? $"Aucun message mort {single}." : $"No dead message {single}.");
                env.Out.MarkupLine(language == Language.Fr
                    ? $"[green]{revived} message(s) remis dans la file.[/]"
                    : $"[green]{revived} message(s) queued again.[/]");
                return CliRun.Ok;
            });
        });
        return command;
    }

    private static Command PurgeDead(CliEnvironment env)
    {
        var olderThan = new Option<int?>("--older-than-days") { Description = "Only messages dead for more than this many days / seulement les messages morts depuis plus de N jours" };
        var lang = CommonOptions.Lang();
        var command = new Command("purge-dead", "Delete dead messages / supprimer les messages morts") { olderThan, lang };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                var days = parse.GetValue(olderThan);
                if (days is < 0)
                    throw new ArgumentException(language == Language.Fr ? "--older-than-days doit être positif ou nul." : "--older-than-days must be zero or more.");
                await using var app = await env.StartAsync(ct);
                var before = days is { } d ? TimeProvider.System.GetUtcNow().AddDays(-d) : (DateTimeOffset?)null;
                var purged = await app.Get<OutboxStore>().PurgeDeadAsync(before, ct);
                env.Out.MarkupLine(string.Format(CultureInfo.InvariantCulture, language == Language.Fr
                    ? "[green]{0} message(s) mort(s) supprimé(s).[/]"
                    : "[green]{0} dead message(s) deleted.[/]", purged));
                return CliRun.Ok;
            });
        });
        return command;
    }
}
