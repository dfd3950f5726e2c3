namespace Allometry.Bot.Cli.Commands;

using System.Globalization;
using Allometry.Adapters.Teams.Connector;
using Allometry.Core.Localization;
using Spectre.Console;

/// <summary>The Teams conversations that refuse the bot's writes, as <c>allometry teams blocked</c> prints them.</summary>
internal static class TeamsBlockedTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<WriteBlock> blocks, Language language)
    {
        var fr = language == Language.Fr;
        if (blocks.Count == 0)
        {
            console.MarkupLine(fr
                ? "Aucune conversation Teams ne refuse les messages du bot."
                : "No Teams conversation refuses the bot's messages.");
            return;
        }
        var table = new Table()
            .AddColumn("Conversation").AddColumn(fr ? "Locataire Entra" : "Entra tenant").AddColumn(fr ? "Bloquée depuis" : "Blocked since")
            .AddColumn(fr ? "Erreur" : "Error").AddColumn(new TableColumn(fr ? "Publications refusées" : "Posts refused").RightAligned())
            .AddColumn(fr ? "Dernier refus" : "Last refused");
        foreach (var b in blocks)
        {
            table.AddRow(Markup.Escape(b.ConversationId), Markup.Escape(b.Realm ?? "—"), Utc(b.BlockedAt),
                Markup.Escape($"{b.HttpStatus.ToString(CultureInfo.InvariantCulture)} {b.ErrorCode}"),
                b.RefusedPosts.ToString(CultureInfo.InvariantCulture), b.LastRefusedAt is { } last ? Utc(last) : "—");
        }
        console.Write(table);
        console.MarkupLine(fr
            ? "Le bot n'y publie plus (les publications finissent mortes, code conversation_blocked, sans nouvel avis). Le blocage est levé dès que la conversation écrit au bot ou le réinstalle."
            : "The bot no longer posts there (posts go dead with code conversation_blocked, without another notice). The block lifts as soon as the conversation writes to the bot or reinstalls it.");
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
