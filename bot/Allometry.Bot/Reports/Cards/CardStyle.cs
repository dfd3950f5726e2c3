namespace Allometry.Bot.Reports.Cards;

using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Rules;
using Spectre.Console;

/// <summary>Shared colours, fact tables and action hints for the terminal card views.</summary>
internal static class CardStyle
{
    public static string SeverityColour(Severity severity) => severity switch
    {
        Severity.Critical => "red",
        Severity.High => "darkorange",
        Severity.Medium => "yellow",
        Severity.Low => "blue",
        _ => "grey",
    };

    public static string NoticeColour(NoticeKind kind) => kind switch
    {
        NoticeKind.Confirmation => "green",
        NoticeKind.Warning => "yellow",
        NoticeKind.Error => "red",
        _ => "blue",
    };

    public static Color ColourOf(string name) => name switch
    {
        "red" => Color.Red,
        "darkorange" => Color.DarkOrange,
        "yellow" => Color.Yellow,
        "blue" => Color.Blue,
        "green" => Color.Green,
        _ => Color.Grey,
    };

    public static Table Facts(IReadOnlyList<CardFact> facts)
    {
        var table = new Table { Border = TableBorder.None, ShowHeaders = false };
        table.AddColumn(new TableColumn("").NoWrap());
        table.AddColumn(new TableColumn(""));
        foreach (var fact in facts)
        {
            table.AddRow($"[dim]{Markup.Escape(fact.Label)}[/]", Markup.Escape(fact.Value));
        }
        return table;
    }

    /// <summary>The command that performs an action: <c>allometry act 42 snooze --days 3 --version 2</c>.</summary>
    public static string Hint(CardAction action)
    {
        var parts = new List<string> { "allometry" };
        if (action.Verb == ActionVerb.Ask)
        {
            parts.Add("ask");
            if (action.Data.TryGetValue("question", out var question)) parts.Add($"\"{question}\"");
        }
        else
        {
            parts.Add("act");
            if (action.ExceptionId is { } id) parts.Add(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            parts.Add(LedgerVocabulary.ToCode(action.Verb));
        }
        foreach (var (key, value) in action.Data)
        {
            if (key is "verb" or "exception_id" or "version" or "question") continue;
            parts.Add($"--{key.Replace('_', '-')} {value}");
        }
        foreach (var input in action.Inputs)
        {
            if (action.Data.ContainsKey(input.Id)) continue;
            var placeholder = input.Choices.Count > 0
                ? string.Join('|', input.Choices.Take(4).Select(c => c.Value)) + (input.Choices.Count > 4 ? "|…" : "")
                : input.Kind switch { CardInputKind.Date => "yyyy-mm-dd", CardInputKind.Amount => "0.00", _ => "…" };
            var text = $"--{input.Id.Replace('_', '-')} <{placeholder}>";
            parts.Add(input.Required ? text : $"[{text}]");
        }
        if (action.ExceptionVersion is { } version) parts.Add($"--version {version}");
        if (action.Verb != ActionVerb.Ask && action.ExceptionId is not null) parts.Add("--as <email>");
        return string.Join(' ', parts);
    }

    public static void WriteActions(IAnsiConsole console, IReadOnlyList<CardAction> actions, Language language)
    {
        if (actions.Count == 0) return;
        console.MarkupLine(language == Language.Fr ? "[bold]Actions[/]" : "[bold]Actions[/]");
        foreach (var action in actions)
        {
            var colour = action.Tone switch
            {
                CardTone.Critical => "red",
                CardTone.Warning => "darkorange",
                CardTone.Attention => "yellow",
                CardTone.Good => "green",
                _ => "white",
            };
            var title = action.Secondary ? $"[dim]{Markup.Escape(action.Title)}[/]" : $"[{colour}]{Markup.Escape(action.Title)}[/]";
            console.MarkupLine($"  • {title}  [dim]{Markup.Escape(Hint(action))}[/]");
            if (action.Confirmation is { } confirmation)
            {
                console.MarkupLine($"      [italic]{Markup.Escape(confirmation)}[/]");
            }
        }
    }

    /// <summary>A score or points figure with up to two decimals, in the card's language (26.24 / 26,24).</summary>
    public static string Number(decimal value, Language language) =>
        value.ToString("0.##", language == Language.Fr ? System.Globalization.CultureInfo.GetCultureInfo("fr-CA") : System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A text bar of <paramref name="width"/> cells proportional to value/max.</summary>
    public static string Bar(decimal value, decimal max, int width = 30)
    {
        if (max <= 0 || value <= 0) return "";
        var cells = (int)decimal.Round(value / max * width, MidpointRounding.AwayFromZero);
        return new string('█', Math.Max(1, Math.Min(width, cells)));
    }
}
