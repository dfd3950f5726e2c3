namespace Allometry.Bot.Reports.Cards;

using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Spectre.Console;

/// <summary>
/// Renders any <see cref="Card"/> as terminal text: Spectre panels and tables, severity colours,
/// facts, score factors, evidence, charts as text bars, and actions as <c>allometry act</c> hints.
/// The CLI's <c>queue</c>, <c>digest</c>, <c>act</c> and <c>ask</c> all print through here.
/// </summary>
public static class CardConsoleRenderer
{
    /// <summary>Writes <paramref name="card"/> to <paramref name="console"/>; unknown kinds print their fallback text.</summary>
    public static void Write(IAnsiConsole console, Card card)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(card);
        switch (card)
        {
            case ExceptionCard exception: ExceptionCardView.Write(console, exception); break;
            case AnswerCard answer: AnswerCardView.Write(console, answer); break;
            case ChoiceListCard choices: WriteChoices(console, choices); break;
            case NoticeCard notice: WriteNotice(console, notice); break;
            case DigestCard digest: DigestCardView.Write(console, digest); break;
            case WeeklySummaryCard weekly: WeeklySummaryView.Write(console, weekly); break;
            default: console.WriteLine(card.FallbackText); break;
        }
    }

    private static void WriteNotice(IAnsiConsole console, NoticeCard notice)
    {
        var colour = CardStyle.NoticeColour(notice.Kind);
        var lines = new List<string> { $"[bold {colour}]{Markup.Escape(notice.Title)}[/]" };
        if (!string.IsNullOrWhiteSpace(notice.Text)) lines.Add(Markup.Escape(notice.Text));
        if (notice.ReferenceId is { } reference)
        {
            lines.Add($"[dim]{(notice.Language == Language.Fr ? "Référence" : "Reference")} : {Markup.Escape(reference)}[/]");
        }
        console.Write(new Panel(new Markup(string.Join('\n', lines))) { Border = BoxBorder.Rounded, BorderStyle = new Style(CardStyle.ColourOf(colour)) });
        CardStyle.WriteActions(console, notice.Actions, notice.Language);
    }

    private static void WriteChoices(IAnsiConsole console, ChoiceListCard card)
    {
        console.MarkupLine($"[bold]{Markup.Escape(card.Prompt)}[/]");
        var index = 1;
        foreach (var choice in card.Choices)
        {
            console.MarkupLine($"  {index++}. {Markup.Escape(choice.Title)}  [dim]{Markup.Escape(CardStyle.Hint(choice))}[/]");
        }
    }
}
