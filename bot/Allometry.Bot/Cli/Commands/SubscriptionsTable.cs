namespace Allometry.Bot.Cli.Commands;

using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Digests;
using Spectre.Console;

/// <summary>Subscriptions as a table: id, kind, channel, when, language, filters.</summary>
internal static class SubscriptionsTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<DigestSubscription> subscriptions, Language language)
    {
        var fr = language == Language.Fr;
        if (subscriptions.Count == 0)
        {
            console.MarkupLine(fr ? "Aucun abonnement." : "No subscriptions.");
            return;
        }
        var table = new Table { Border = TableBorder.Rounded };
        table.AddColumn("Id");
        table.AddColumn(fr ? "Type" : "Kind");
        table.AddColumn(fr ? "Canal" : "Channel");
        table.AddColumn(fr ? "Quand" : "When");
        table.AddColumn(fr ? "Langue" : "Language");
        table.AddColumn(fr ? "Filtres" : "Filters");
        foreach (var s in subscriptions)
        {
            var f = s.Filter;
            var filters = new List<string> { $"≥ {LedgerVocabulary.ToCode(f.MinSeverity)}", $"top {f.Top}" };
            if (f.Province is { } p) filters.Add(p);
            if (f.ProjectManager is { } pm) filters.Add("PM " + pm);
            if (f.Projects.Count > 0) filters.Add(string.Join(",", f.Projects));
            var when = $"{s.LocalTime:HH\\:mm} {s.TimeZone}" + (s.Weekday is { } d ? $" ({d})" : "");
            table.AddRow(
                s.SubscriptionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                LedgerVocabulary.ToCode(s.Kind),
                Markup.Escape($"{LedgerVocabulary.ToCode(s.Channel.Platform)} {s.Channel.Realm}/{s.Channel.ConversationId}"),
                Markup.Escape(when),
                LedgerVocabulary.ToCode(s.Language),
                Markup.Escape(string.Join(" · ", filters)));
        }
        console.Write(table);
    }
}
