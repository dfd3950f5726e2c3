namespace Allometry.Bot.Cli.Commands;

using System.Globalization;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Outbox;
using Spectre.Console;

/// <summary>The outbox's counts and its latest dead messages, as <c>allometry outbox status</c> prints them.</summary>
internal static class OutboxStatusTable
{
    public static void Write(IAnsiConsole console, OutboxStatusCounts counts, IReadOnlyList<DeadMessage> dead, Language language)
    {
        var fr = language == Language.Fr;
        var table = new Table().AddColumn(fr ? "État" : "State").AddColumn(new TableColumn(fr ? "Messages" : "Messages").RightAligned());
        table.AddRow(fr ? "en attente" : "pending", N(counts.Pending));
        table.AddRow(fr ? "en cours d'envoi" : "sending", N(counts.Sending));
        table.AddRow(fr ? "envoyés" : "sent", N(counts.Sent));
        table.AddRow(fr ? "morts" : "dead", N(counts.Dead));
        // Only after a crash interrupted posts: found again (no duplicate), or re-posted blind (a duplicate is possible).
        if (counts.FoundAfterCrash > 0) table.AddRow(fr ? "retrouvés après une panne (non republiés)" : "found after a crash (not re-posted)", N(counts.FoundAfterCrash));
        if (counts.RepostedUnchecked > 0) table.AddRow(fr ? "republiés sans vérification (doublon possible)" : "re-posted unchecked (possible duplicate)", N(counts.RepostedUnchecked));
        console.Write(table);
        if (counts.OldestPendingAt is { } oldest)
            console.MarkupLine((fr ? "Plus ancien en attente : " : "Oldest pending: ") + oldest.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        if (dead.Count == 0) return;
        var deadTable = new Table()
            .AddColumn("Id").AddColumn(fr ? "Locataire" : "Tenant").AddColumn(fr ? "Plateforme" : "Platform")
            .AddColumn("Conversation").AddColumn(fr ? "Type" : "Kind").AddColumn(fr ? "Tentatives" : "Attempts")
            .AddColumn(fr ? "Erreur" : "Error").AddColumn(fr ? "Mort le" : "Died at");
        foreach (var d in dead)
        {
            deadTable.AddRow(N(d.OutboxId), Markup.Escape(d.TenantId), d.Platform.ToString(), Markup.Escape(d.ConversationId),
                d.Kind.ToString().ToLowerInvariant(), N(d.Attempts), Markup.Escape(d.LastError ?? ""),
                d.DiedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        }
        console.MarkupLine(fr ? "[bold]Derniers messages morts[/] (allometry outbox retry --id <n>)" : "[bold]Latest dead messages[/] (allometry outbox retry --id <n>)");
        console.Write(deadTable);
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
