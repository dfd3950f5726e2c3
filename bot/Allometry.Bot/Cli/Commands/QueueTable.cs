namespace Allometry.Bot.Cli.Commands;

using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Spectre.Console;

/// <summary>The queue as one table: rank, severity, exception, amount, score, status.</summary>
internal static class QueueTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<ExceptionCard> cards)
    {
        var fr = cards.Count > 0 && cards[0].Language == Language.Fr;
        var table = new Table { Border = TableBorder.Rounded };
        table.AddColumn("#");
        table.AddColumn(fr ? "Gravité" : "Severity");
        table.AddColumn("Id");
        table.AddColumn(fr ? "Exception" : "Exception");
        table.AddColumn(new TableColumn(fr ? "Montant" : "Amount").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("Score").RightAligned());
        table.AddColumn(fr ? "État" : "Status");
        var rank = 1;
        foreach (var card in cards)
        {
            table.AddRow(
                (rank++).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(card.SeverityLabel),
                card.ExceptionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(card.Title),
                Markup.Escape(card.AmountText),
                card.Score is { } s ? Reports.Cards.CardStyle.Number(s, card.Language) : "",
                Markup.Escape(card.StatusLine ?? ""));
        }
        console.Write(table);
    }
}
