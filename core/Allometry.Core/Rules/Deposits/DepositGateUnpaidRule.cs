namespace Allometry.Core.Rules.Deposits;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>
/// DepositGateUnpaid: equipment is about to ship, or has shipped, while the deposit is not in.
/// </summary>
/// <remarks>
/// Required deposit = Σ over the project's accepted quotes of deposit % (the quote's, else the
/// project's) × total before tax, each rounded to the cent. Deposit paid = the payment
/// applications to the project's deposit invoices (not void) — money received, as the books show
/// it against the deposit. Those applications include the tax the deposit invoice charges while
/// the requirement is before tax: a deposit invoice paid in full clears the gate with room to
/// spare, and a partial payment counts in full. The gate is breached when paid &lt; required − tolerance and a delivery
/// or installation is done (Critical) or, not cancelled, is scheduled at most
/// <see cref="RuleSettings.DepositGateLeadDays"/> days ahead, or overdue (High). Amount = required −
/// paid. Closed projects are left to collections: there is no dispatch left to hold.
/// </remarks>
public sealed class DepositGateUnpaidRule : IRule
{
    public string Id => "DepositGateUnpaid";

    public int Version => 1;

    /// <summary>Projects are read when present (status, deposit % fallback) but are not needed.</summary>
    public IReadOnlyList<string> RequiredSheets { get; } =
        [LedgerSheets.Quotes, LedgerSheets.Deliveries, LedgerSheets.Invoices, LedgerSheets.PaymentApplications];

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var ledger = context.Ledger;
        foreach (var projectId in ledger.Deliveries.Select(d => d.ProjectId).Distinct(StringComparer.Ordinal))
        {
            var project = ledger.Project(projectId);
            if (project?.Status == ProjectStatus.Closed) continue;
            var quotes = QuoteTerms.AcceptedQuotes(ledger, projectId).Where(q => QuoteTerms.DepositPct(q, project) > 0m).ToList();
            var required = quotes.Sum(q => QuoteTerms.RequiredDeposit(q, project));
            if (required <= 0m) continue;
            var deliveries = ledger.DeliveriesOf(projectId).Where(d => d.Status != DeliveryStatus.Cancelled).ToList();
            var shipped = deliveries.Where(d => IsDone(d, context.AsOf)).OrderBy(d => d.DeliveredOn ?? d.ScheduledOn).FirstOrDefault();
            var next = deliveries.Where(d => !IsDone(d, context.AsOf) && d.ScheduledOn.DayNumber - context.AsOf.DayNumber <= context.Settings.DepositGateLeadDays)
                .OrderBy(d => d.ScheduledOn).FirstOrDefault();
            if ((shipped ?? next) is not { } trigger) continue;
            var deposits = ledger.InvoicesOfProject(projectId).Where(i => i.Kind == InvoiceKind.Deposit && QuoteTerms.Counts(i)).ToList();
            var paid = deposits.Sum(i => ledger.ApplicationsTo(i.InvoiceId).Sum(a => a.Amount));
            if (paid >= required - context.Settings.DepositTolerance) continue;
            yield return Build(context, project, projectId, quotes, deposits, trigger, shipped is not null, required, paid);
        }
    }

    private static bool IsDone(Delivery delivery, DateOnly asOf) =>
        delivery.Status is DeliveryStatus.Delivered or DeliveryStatus.Installed || delivery.DeliveredOn <= asOf;

    private Finding Build(RuleContext context, Project? project, string projectId, List<Quote> quotes, List<Invoice> deposits,
        Delivery trigger, bool shipped, decimal required, decimal paid)
    {
        var w = Wording.For(context);
        var ledger = context.Ledger;
        var gap = required - paid;
        var days = trigger.ScheduledOn.DayNumber - context.AsOf.DayNumber;
        var evidence = new List<Evidence>();
        foreach (var q in quotes)
        {
            var pct = QuoteTerms.DepositPct(q, project)!.Value;
            var deposit = QuoteTerms.RequiredDeposit(q, project);
            evidence.Add(new(LedgerSheets.Quotes, q.QuoteId, "deposit_pct", null, Wording.Number(pct), new(
                $"Required deposit {w.En(deposit)} = {Wording.PercentEn(pct)} × {w.En(q.TotalExTax)} before tax.",
                $"Acompte exigé {w.Fr(deposit)} = {Wording.PercentFr(pct)} × {w.Fr(q.TotalExTax)} avant taxes.")));
        }
        foreach (var i in deposits)
        {
            evidence.Add(new(LedgerSheets.Invoices, i.InvoiceId, "applied", Wording.Amount(i.Total), Wording.Amount(ledger.ApplicationsTo(i.InvoiceId).Sum(a => a.Amount))));
            evidence.AddRange(ledger.ApplicationsTo(i.InvoiceId).Select(a =>
                new Evidence(LedgerSheets.PaymentApplications, $"{a.PaymentId}/{a.InvoiceId}", "amount", null, Wording.Amount(a.Amount))));
        }
        if (deposits.Count == 0)
        {
            evidence.Add(new(LedgerSheets.Projects, projectId, "deposit_invoice", "issued", null, new(
                "The project has no deposit invoice.", "Le projet n'a aucune facture d'acompte.")));
        }
        var milestone = trigger.Milestone;
        evidence.Add(shipped
            ? new(LedgerSheets.Deliveries, $"{projectId}/{milestone}", "delivered_on", null, Wording.Date(trigger.DeliveredOn ?? trigger.ScheduledOn))
            : new(LedgerSheets.Deliveries, $"{projectId}/{milestone}", "scheduled_on", null, Wording.Date(trigger.ScheduledOn)));

        var (whenEn, whenFr) = days switch
        {
            > 0 => ($"in {Wording.DaysEn(days)}", $"dans {Wording.DaysFr(days)}"),
            0 => ("today", "aujourd'hui"),
            _ => ($"{Wording.DaysEn(-days)} overdue", $"en retard de {Wording.DaysFr(-days)}"),
        };
        var on = Wording.Date(shipped ? trigger.DeliveredOn ?? trigger.ScheduledOn : trigger.ScheduledOn);
        var owed = new LocalizedText(
            $"Project {projectId} requires a deposit of {w.En(required)}; {w.En(paid)} has been received against its deposit invoices, {w.En(gap)} short.",
            $"Le projet {projectId} exige un acompte de {w.Fr(required)}; {w.Fr(paid)} a été reçu sur ses factures d'acompte, soit {w.Fr(gap)} de moins.");
        return new Finding
        {
            RuleId = Id,
            RuleVersion = Version,
            Severity = shipped ? Severity.Critical : Severity.High,
            Subject = new FindingSubject(SubjectKind.Project, projectId),
            AmountAtRisk = gap,
            Currency = w.Currency,
            PayerId = QuoteTerms.PayerOf(project, quotes[0]),
            ProjectId = projectId,
            Title = shipped
                ? new("Delivered before the deposit was paid", "Livré avant le paiement de l'acompte")
                : new($"Deposit unpaid, delivery {whenEn}", $"Acompte impayé, livraison {whenFr}"),
            Detail = shipped
                ? new($"{owed.En} Milestone “{milestone}” was delivered on {on}.", $"{owed.Fr} Le jalon « {milestone} » a été réalisé le {on}.")
                : new($"{owed.En} Milestone “{milestone}” is scheduled for {on}.", $"{owed.Fr} Le jalon « {milestone} » est prévu le {on}."),
            SuggestedAction = shipped
                ? new($"Stop further dispatches on this project and chase the {w.En(gap)} deposit balance now.",
                    $"Suspendre les prochaines expéditions du projet et relancer dès maintenant le client pour le solde d'acompte de {w.Fr(gap)}.")
                : new($"Hold the dispatch until the deposit is in, and chase the {w.En(gap)} balance.",
                    $"Retenir l'expédition jusqu'à la réception de l'acompte et relancer le client pour le solde de {w.Fr(gap)}."),
            Evidence = evidence,
        };
    }
}
