namespace Allometry.Bot.Reports;

using Allometry.Core.Aging;
using Allometry.Core.Localization;
using Spectre.Console;

/// <summary>Renders an <see cref="AgingSummary"/> as two terminal tables (per payer, per project) with a totals line.</summary>
internal static class AgingSummaryView
{
    public static void Write(IAnsiConsole console, AgingSummary summary, Language language, int? top = null)
    {
        var fr = language == Language.Fr;
        console.MarkupLine(fr
            ? $"[bold]Classement chronologique des comptes clients[/] — {Markup.Escape(summary.TenantId)}, au {summary.AsOf:yyyy-MM-dd} ({summary.Currency})"
            : $"[bold]Accounts receivable aging[/] — {Markup.Escape(summary.TenantId)}, as of {summary.AsOf:yyyy-MM-dd} ({summary.Currency})");
        console.Write(Table(fr ? "Par payeur" : "By payer", fr ? "Payeur" : "Payer", summary.ByPayer, summary, language, top));
        console.Write(Table(fr ? "Par projet" : "By project", fr ? "Projet" : "Project", summary.ByProject, summary, language, top));
        var reconciled = summary.Reconciles;
        console.MarkupLine(reconciled
            ? (fr ? "[green]Les totaux par payeur et par projet concordent au cent près.[/]" : "[green]Per-payer and per-project totals reconcile to the cent.[/]")
            : (fr ? "[red]Les totaux ne concordent pas : signalez-le.[/]" : "[red]Totals do not reconcile: please report this.[/]"));
    }

    private static Table Table(string title, string firstColumn, IReadOnlyList<AgingRow> rows, AgingSummary summary, Language language, int? top)
    {
        var table = new Table { Title = new TableTitle(title), Border = TableBorder.Rounded };
        table.AddColumn(new TableColumn(firstColumn) { Width = 42 });
        foreach (var bucket in AgingBuckets.All)
        {
            table.AddColumn(new TableColumn(AgingBuckets.Label(bucket, language)).RightAligned().NoWrap());
        }
        table.AddColumn(new TableColumn("Total").RightAligned().NoWrap());

        var shown = top is int n ? rows.Take(n).ToList() : rows;
        foreach (var row in shown)
        {
            table.AddRow(Cells(Name(row, language), row.Amounts, language, summary.Currency));
        }
        if (shown.Count < rows.Count)
        {
            var rest = rows.Skip(shown.Count).Aggregate(default(AgingAmounts), (acc, r) => acc + r.Amounts);
            var label = language == Language.Fr ? $"… {rows.Count - shown.Count} autres" : $"… {rows.Count - shown.Count} more";
            table.AddRow(Cells(label, rest, language, summary.Currency));
        }
        table.AddEmptyRow();
        table.AddRow(Cells("[bold]Total[/]", summary.Totals, language, summary.Currency, bold: true));
        return table;
    }

    private static string Name(AgingRow row, Language language)
    {
        if (row.Key.Length == 0) return language == Language.Fr ? "[dim](sans projet)[/]" : "[dim](no project)[/]";
        return $"[dim]{Markup.Escape(row.Key)}[/] {Markup.Escape(row.Name)}";
    }

    private static string[] Cells(string name, AgingAmounts amounts, Language language, string currency, bool bold = false)
    {
        string Money(decimal value)
        {
            var text = Markup.Escape(MoneyFormat.Format(value, language, currency));
            return bold ? $"[bold]{text}[/]" : value == 0 ? $"[dim]{text}[/]" : text;
        }
        return [name, .. AgingBuckets.All.Select(b => Money(amounts[b])), Money(amounts.Total)];
    }
}
