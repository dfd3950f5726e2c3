namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using Allometry.Core.Exceptions;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Rules;
using Spectre.Console;

/// <summary><c>allometry exceptions list</c>: the tenant's exceptions, worst first.</summary>
internal static class ExceptionsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var exceptions = new Command("exceptions", "What needs attention / ce qui demande une action");
        exceptions.Add(List(env));
        return exceptions;
    }

    private static Command List(CliEnvironment env)
    {
        var tenant = CommonOptions.Tenant("Tenant id; default: the only tenant, if there is one");
        var status = new Option<string>("--status")
        {
            Description = "open, snoozed, closed, dismissed or all / ouvertes, en veille… (default: open)",
            DefaultValueFactory = _ => "open",
        };
        var minSeverity = new Option<string>("--min-severity")
        {
            Description = "info, low, medium, high or critical (default: info)",
            DefaultValueFactory = _ => "info",
        };
        var project = new Option<string?>("--project") { Description = "Only this project's exceptions / seulement ce projet" };
        var payer = new Option<string?>("--payer") { Description = "Only this payer's exceptions / seulement ce payeur" };
        var top = new Option<int>("--top") { Description = "How many to show (default 50)", DefaultValueFactory = _ => 50 };
        var lang = CommonOptions.Lang();
        var command = new Command("list", "List exceptions, worst first / lister les exceptions, les plus graves d'abord")
        {
            tenant, status, minSeverity, project, payer, top, lang,
        };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                var query = new ExceptionQuery
                {
                    Status = ParseStatus(parse.GetValue(status)),
                    MinSeverity = Parse<Severity>(parse.GetValue(minSeverity), "--min-severity"),
                    ProjectId = parse.GetValue(project),
                    PayerId = parse.GetValue(payer),
                    Top = parse.GetValue(top) is var n and >= 0 ? n : throw new ArgumentException("--top must be zero or more / --top doit être positif ou nul"),
                };
                await using var app = await env.StartAsync(ct);
                var tenantId = await TenantChoice.ResolveAsync(app.Get<TenantDirectory>(), parse.GetValue(tenant), language, ct);
                var records = await app.Get<ExceptionStore>().ListAsync(tenantId, query, ct);
                Write(env.Out, tenantId, records, query, language);
                return CliRun.Ok;
            });
        });
        return command;
    }

    private static ExceptionStatus? ParseStatus(string? text) =>
        string.Equals(text?.Trim(), "all", StringComparison.OrdinalIgnoreCase) ? null : Parse<ExceptionStatus>(text, "--status");

    private static T Parse<T>(string? text, string option) where T : struct, Enum =>
        LedgerVocabulary.TryParse<T>(text, out var value)
            ? value
            : throw new ArgumentException($"{option} must be one of {string.Join(", ", LedgerVocabulary.AllCodes<T>())} (got '{text}') / {option} doit être l'une de ces valeurs");

    /// <summary>One row per exception: severity, rule, subject, amount in the reader's format, title in their language.</summary>
    public static void Write(IAnsiConsole console, string tenantId, IReadOnlyList<ExceptionRecord> records, ExceptionQuery query, Language language)
    {
        var fr = language == Language.Fr;
        if (records.Count == 0)
        {
            console.MarkupLine(fr
                ? $"Aucune exception pour « {Markup.Escape(tenantId)} » avec ces critères."
                : $"No exceptions for '{Markup.Escape(tenantId)}' match.");
            return;
        }
        var table = new Table { Border = TableBorder.Rounded };
        table.AddColumn(fr ? "Gravité" : "Severity");
        table.AddColumn(fr ? "Règle" : "Rule");
        table.AddColumn(fr ? "Objet" : "Subject");
        table.AddColumn(new TableColumn(fr ? "Montant à risque" : "Amount at risk").RightAligned().NoWrap());
        if (query.Status is null) table.AddColumn(fr ? "Statut" : "Status");
        table.AddColumn(fr ? "Titre" : "Title");
        foreach (var r in records)
        {
            var cells = new List<string>
            {
                SeverityLabel(r.Severity, language),
                Markup.Escape(r.RuleId),
                Markup.Escape($"{SubjectLabel(r.Subject.Kind, language)} {r.Subject.Id}"),
                Markup.Escape(MoneyFormat.Format(r.AmountAtRisk, language, r.Currency)),
            };
            if (query.Status is null) cells.Add(StatusLabel(r.Status, language));
            cells.Add(Markup.Escape(r.Title.For(language)));
            table.AddRow([.. cells]);
        }
        console.Write(table);
        console.MarkupLine(fr
            ? $"[dim]{records.Count} exception(s) affichée(s) pour « {Markup.Escape(tenantId)} ».[/]"
            : $"[dim]{records.Count} exception(s) shown for '{Markup.Escape(tenantId)}'.[/]");
    }

    private static string SeverityLabel(Severity severity, Language language)
    {
        var fr = language == Language.Fr;
        return severity switch
        {
            Severity.Critical => fr ? "[red bold]Critique[/]" : "[red bold]Critical[/]",
            Severity.High => fr ? "[red]Élevée[/]" : "[red]High[/]",
            Severity.Medium => fr ? "[yellow]Moyenne[/]" : "[yellow]Medium[/]",
            Severity.Low => fr ? "Faible" : "Low",
            _ => "[dim]Info[/]",
        };
    }

    private static string SubjectLabel(SubjectKind kind, Language language) => (kind, language == Language.Fr) switch
    {
        (SubjectKind.Payer, true) => "Payeur",
        (SubjectKind.Project, true) => "Projet",
        (SubjectKind.Invoice, true) => "Facture",
        (SubjectKind.RetainageHold, true) => "Retenue",
        (SubjectKind.ServiceContract, true) => "Contrat de service",
        (SubjectKind.LinkedGroup, true) => "Groupe lié",
        (SubjectKind.Payment, true) => "Paiement",
        (SubjectKind.Quote, true) => "Soumission",
        (SubjectKind.Delivery, true) => "Livraison",
        (SubjectKind.Promise, true) => "Promesse",
        (SubjectKind.RetainageHold, false) => "Holdback",
        (SubjectKind.ServiceContract, false) => "Service contract",
        (SubjectKind.LinkedGroup, false) => "Linked group",
        _ => kind.ToString(),
    };

    private static string StatusLabel(ExceptionStatus status, Language language) => (status, language == Language.Fr) switch
    {
        (ExceptionStatus.Open, true) => "ouverte",
        (ExceptionStatus.Snoozed, true) => "en veille",
        (ExceptionStatus.Closed, true) => "fermée",
        (ExceptionStatus.Dismissed, true) => "écartée",
        _ => LedgerVocabulary.ToCode(status),
    };
}
