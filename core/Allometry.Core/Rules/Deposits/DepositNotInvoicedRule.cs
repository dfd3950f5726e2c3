namespace Allometry.Core.Rules.Deposits;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>
/// DepositNotInvoiced: a quote was accepted with deposit terms and, once the grace period is
/// over, the project still has no deposit invoice.
/// </summary>
/// <remarks>
/// The grace is <see cref="RuleSettings.DepositInvoiceGraceBusinessDays"/> business days
/// (Monday–Friday; statutory holidays are not skipped) counted after the acceptance day: a quote
/// accepted on a Friday may be invoiced until the Tuesday and is flagged from the Wednesday. Any
/// deposit invoice of the project that is not void satisfies the rule. Subject: the quote.
/// Amount = the deposit the quote requires, before tax (deposit % × total before tax). Closed
/// projects are skipped: a deposit no longer gates anything there.
/// </remarks>
public sealed class DepositNotInvoicedRule : IRule
{
    public string Id => "DepositNotInvoiced";

    public int Version => 1;

    /// <summary>Projects are read when present (status, deposit % fallback) but are not needed.</summary>
    public IReadOnlyList<string> RequiredSheets { get; } = [LedgerSheets.Quotes, LedgerSheets.Invoices];

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var ledger = context.Ledger;
        var grace = context.Settings.DepositInvoiceGraceBusinessDays;
        foreach (var quote in ledger.Quotes.Where(QuoteTerms.IsAccepted))
        {
            if (quote.AcceptedOn is not { } accepted) continue;
            var project = ledger.Project(quote.ProjectId);
            if (project?.Status == ProjectStatus.Closed) continue;
            if (QuoteTerms.DepositPct(quote, project) is not { } pct || pct <= 0m) continue;
            var elapsed = BusinessDays.Between(accepted, context.AsOf);
            if (elapsed <= grace) continue;
            if (ledger.InvoicesOfProject(quote.ProjectId).Any(i => i.Kind == InvoiceKind.Deposit && QuoteTerms.Counts(i))) continue;
            yield return Build(context, quote, project, pct, accepted, elapsed, BusinessDays.Add(accepted, grace));
        }
    }

    private Finding Build(RuleContext context, Quote quote, Project? project, decimal pct, DateOnly accepted, int elapsed, DateOnly deadline)
    {
        var w = Wording.For(context);
        var deposit = QuoteTerms.RequiredDeposit(quote, project);
        var on = Wording.Date(accepted);
        return new Finding
        {
            RuleId = Id,
            RuleVersion = Version,
            Severity = Severity.Medium,
            Subject = new FindingSubject(SubjectKind.Quote, quote.QuoteId),
            AmountAtRisk = deposit,
            Currency = w.Currency,
            PayerId = QuoteTerms.PayerOf(project, quote),
            ProjectId = quote.ProjectId,
            Title = new($"Deposit not invoiced for accepted quote {quote.QuoteId}",
                $"Acompte non facturé pour la soumission acceptée {quote.QuoteId}"),
            Detail = new(
                $"Quote {quote.QuoteId} ({w.En(quote.TotalExTax)} before tax) was accepted on {on} with a {Wording.PercentEn(pct)} deposit " +
                $"({w.En(deposit)}). {elapsed} business days later, project {quote.ProjectId} still has no deposit invoice; " +
                $"it was due by {Wording.Date(deadline)}.",
                $"La soumission {quote.QuoteId} ({w.Fr(quote.TotalExTax)} avant taxes) a été acceptée le {on} avec un acompte de " +
                $"{Wording.PercentFr(pct)} ({w.Fr(deposit)}). {elapsed} jours ouvrables plus tard, le projet {quote.ProjectId} n'a " +
                $"toujours aucune facture d'acompte; elle devait être émise au plus tard le {Wording.Date(deadline)}."),
            SuggestedAction = new(
                $"Issue the deposit invoice for {w.En(deposit)} plus tax, before anything is scheduled to ship.",
                $"Émettre la facture d'acompte de {w.Fr(deposit)} plus taxes avant de planifier toute livraison."),
            Evidence =
            [
                new(LedgerSheets.Quotes, quote.QuoteId, "accepted_on", null, on),
                new(LedgerSheets.Quotes, quote.QuoteId, "deposit_pct", null, Wording.Number(pct)),
                new(LedgerSheets.Quotes, quote.QuoteId, "total_ex_tax", null, Wording.Amount(quote.TotalExTax)),
                new(LedgerSheets.Projects, quote.ProjectId, "deposit_invoice", $"issued by {Wording.Date(deadline)}", null, new(
                    $"No deposit invoice for project {quote.ProjectId}.", $"Aucune facture d'acompte pour le projet {quote.ProjectId}.")),
            ],
        };
    }
}
