namespace Allometry.Core.Rules.Deposits;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>The words and evidence of a <see cref="RenewalPrebillDueRule"/> finding.</summary>
internal static class RenewalPrebillFinding
{
    public static Finding Build(IRule rule, RuleContext context, ServiceContract contract, Severity severity, int days, DateOnly opens, Invoice? last)
    {
        var w = Wording.For(context);
        var fee = contract.AnnualFee;
        var renewal = Wording.Date(contract.RenewalDate);
        var (title, when) = days switch
        {
            < 0 => (new LocalizedText("Renewal lapsed, service still running, not invoiced", "Renouvellement échu, service toujours actif, non facturé"),
                new LocalizedText($"was due for renewal on {renewal}, {Wording.DaysEn(-days)} ago, and the service is still active",
                    $"devait être renouvelé le {renewal}, il y a {Wording.DaysFr(-days)}, et le service est toujours actif")),
            0 => (new LocalizedText("Renewal today, not invoiced", "Renouvellement aujourd'hui, non facturé"),
                new LocalizedText($"renews today ({renewal})", $"se renouvelle aujourd'hui ({renewal})")),
            _ => (new LocalizedText($"Renewal in {Wording.DaysEn(days)}, not invoiced", $"Renouvellement dans {Wording.DaysFr(days)}, non facturé"),
                new LocalizedText($"renews on {renewal}, in {Wording.DaysEn(days)}", $"se renouvelle le {renewal}, dans {Wording.DaysFr(days)}")),
        };
        var lastText = last is null
            ? new LocalizedText("No renewal invoice is on file.", "Aucune facture de renouvellement n'est au dossier.")
            : new LocalizedText($"The latest renewal invoice, {last.InvoiceId} of {Wording.Date(last.IssueDate)}, bills the term up to {renewal}.",
                $"La dernière facture de renouvellement, {last.InvoiceId} du {Wording.Date(last.IssueDate)}, couvre la période allant jusqu'au {renewal}.");
        var evidence = new List<Evidence>
        {
            new(LedgerSheets.ServiceContracts, contract.ContractId, "renewal_date", null, renewal),
            new(LedgerSheets.ServiceContracts, contract.ContractId, "last_renewal_invoice_id", $"issued on or after {Wording.Date(opens)}",
                last is null ? null : $"{last.InvoiceId} ({Wording.Date(last.IssueDate)})"),
            new(LedgerSheets.ServiceContracts, contract.ContractId, "annual_fee", null, Wording.Amount(fee)),
        };
        if (last is not null)
        {
            evidence.Add(new(LedgerSheets.Invoices, last.InvoiceId, "issue_date", $">= {Wording.Date(opens)}", Wording.Date(last.IssueDate)));
        }
        if (days < 0)
        {
            evidence.Add(new(LedgerSheets.ServiceContracts, contract.ContractId, "service_active", "false", contract.ServiceActive is null ? null : "true"));
        }
        return new Finding
        {
            RuleId = rule.Id,
            RuleVersion = rule.Version,
            Severity = severity,
            Subject = new FindingSubject(SubjectKind.ServiceContract, contract.ContractId),
            AmountAtRisk = fee,
            Currency = w.Currency,
            PayerId = contract.PayerId,
            ProjectId = contract.ProjectId,
            Title = title,
            Detail = new(
                $"Service contract {contract.ContractId} ({w.En(fee)} a year) {when.En}. {lastText.En}",
                $"Le contrat de service {contract.ContractId} ({w.Fr(fee)} par année) {when.Fr}. {lastText.Fr}"),
            SuggestedAction = days < 0
                ? new($"Issue the {w.En(fee)} renewal invoice now, or suspend the service if the customer is not renewing.",
                    $"Émettre dès maintenant la facture de renouvellement de {w.Fr(fee)}, ou suspendre le service si le client ne renouvelle pas.")
                : new($"Issue the {w.En(fee)} renewal invoice ahead of {renewal}.",
                    $"Émettre la facture de renouvellement de {w.Fr(fee)} avant le {renewal}."),
            Evidence = evidence,
        };
    }
}
