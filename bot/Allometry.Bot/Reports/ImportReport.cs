namespace Allometry.Bot.Reports;

using Allometry.Bot.Imports;
using Allometry.Core.Localization;
using Spectre.Console;

/// <summary>What an import did, per sheet, and its warnings.</summary>
internal static class ImportReport
{
    public static void Write(IAnsiConsole console, ImportOutcome outcome, Language language)
    {
        var fr = language == Language.Fr;
        var result = outcome.Result;
        if (result.IsUnchanged)
        {
            console.MarkupLine(fr
                ? $"[green]Déjà importé : rien n'a changé[/] pour « {Markup.Escape(outcome.Tenant)} » au {outcome.AsOf:yyyy-MM-dd}."
                : $"[green]Already imported: nothing changed[/] for '{Markup.Escape(outcome.Tenant)}' as of {outcome.AsOf:yyyy-MM-dd}.");
        }
        else
        {
            console.MarkupLine(fr
                ? $"[green]Import terminé[/] pour « {Markup.Escape(outcome.Tenant)} » au {outcome.AsOf:yyyy-MM-dd}."
                : $"[green]Import complete[/] for '{Markup.Escape(outcome.Tenant)}' as of {outcome.AsOf:yyyy-MM-dd}.");
            var table = new Table { Border = TableBorder.Simple };
            table.AddColumn(fr ? "Feuille" : "Sheet");
            table.AddColumn(new TableColumn(fr ? "Ajoutées" : "Inserted").RightAligned());
            table.AddColumn(new TableColumn(fr ? "Modifiées" : "Updated").RightAligned());
            table.AddColumn(new TableColumn(fr ? "Inchangées" : "Unchanged").RightAligned());
            foreach (var sheet in result.Sheets.Where(s => s.Inserted + s.Updated + s.Unchanged > 0))
            {
                table.AddRow(sheet.Sheet, N(sheet.Inserted), N(sheet.Updated), N(sheet.Unchanged));
            }
            console.Write(table);
        }
        foreach (var warning in result.Warnings)
        {
            console.MarkupLine("[yellow]" + Markup.Escape(warning.Describe(language)) + "[/]");
        }
    }

    private static string N(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
