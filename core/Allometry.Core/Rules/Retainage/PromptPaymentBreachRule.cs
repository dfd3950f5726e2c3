namespace Allometry.Core.Rules.Retainage;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using static Allometry.Core.Rules.Retainage.RetainageText;

/// <summary>
/// PromptPaymentBreach (Ontario): a proper invoice on a construction contract made since
/// 2019-10-01 is still unpaid after <see cref="RuleSettings.PromptPaymentDays"/> (28) and no
/// notice of non-payment was given within <see cref="RuleSettings.PromptPaymentNoticeDays"/> (14).
/// </summary>
/// <remarks>
/// <para>Ontario construction projects (<c>supply_type = construction</c>) whose <c>contract_date</c>
/// is on or after 2019-10-01; a project without a contract date is not judged, since the Act's
/// prompt-payment part may not apply to it. Proper invoices: <c>progress</c> and <c>final</c>
/// invoices that are not void, counted from their issue date as the day the owner received
/// them. The deadline is day 28: unpaid on day 29 is a breach, on day 28 it is not yet.</para>
/// <para>The import contract has no place for notices of non-payment, so none is ever on record:
/// a tenant who received one snoozes the card with it as the note. Holdback left in the balance
/// of an invoice paid net (<see cref="NetOfHoldback"/>) is not part of the breach: the owner may
/// retain it. The subcontractor's 7 days after the owner pays are not judged — the ledger does not
/// say who the owner is. Subject: the invoice. Amount = its balance, less that holdback. Severity High.</para>
/// </remarks>
public sealed class PromptPaymentBreachRule : IRule
{
    /// <summary>Ontario's prompt-payment regime applies to contracts made on or after this date.</summary>
    public static readonly DateOnly RegimeStart = new(2019, 10, 1);

    public string Id => "PromptPaymentBreach";

    public int Version => 1;

    public IReadOnlyList<string> RequiredSheets { get; } = [LedgerSheets.Projects, LedgerSheets.Invoices];

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var (ledger, settings) = (context.Ledger, context.Settings);
        var projects = ledger.Projects.Where(p =>
            p.SiteProvince == Province.ON && p.SupplyType == SupplyType.Construction && p.ContractDate >= RegimeStart);
        foreach (var project in projects)
        {
            foreach (var invoice in ledger.InvoicesOfProject(project.ProjectId))
            {
                if (invoice.Status == InvoiceStatus.Void || invoice.Kind is not (InvoiceKind.Progress or InvoiceKind.Final)) continue;
                var day = context.AsOf.DayNumber - invoice.IssueDate.DayNumber;
                if (day <= settings.PromptPaymentDays) continue;
                var unpaid = invoice.Balance - NetOfHoldback.InBalance(ledger, invoice, settings);
                if (unpaid <= settings.ShortPayTolerance) continue;
                yield return Build(context, project, invoice, day, unpaid);
            }
        }
    }

    private Finding Build(RuleContext context, Project p, Invoice invoice, int day, decimal unpaid)
    {
        var t = For(context);
        var settings = context.Settings;
        var (id, issued) = (invoice.InvoiceId, Date(invoice.IssueDate));
        var payBy = Date(invoice.IssueDate.AddDays(settings.PromptPaymentDays));
        var noticeBy = Date(invoice.IssueDate.AddDays(settings.PromptPaymentNoticeDays));
        return new Finding
        {
            RuleId = Id,
            RuleVersion = Version,
            Severity = Severity.High,
            Subject = new FindingSubject(SubjectKind.Invoice, id),
            AmountAtRisk = unpaid,
            Currency = t.Currency,
            PayerId = invoice.PayerId,
            ProjectId = p.ProjectId,
            Title = new($"Prompt payment deadline missed — invoice {id}", $"Délai de paiement rapide dépassé — facture {id}"),
            Detail = new(
                $"Proper invoice {id} of {issued} on {p.Name} is unpaid on day {day}: {t.En(unpaid)} was payable by {payBy} " +
                $"(day {settings.PromptPaymentDays}), and no notice of non-payment is on record by day {settings.PromptPaymentNoticeDays} ({noticeBy}).",
                $"La facture en bonne et due forme {id} du {issued} pour {p.Name} est impayée au jour {day} : {t.Fr(unpaid)} étaient " +
                $"payables au plus tard le {payBy} (jour {settings.PromptPaymentDays}), et aucun avis de non-paiement n'a été consigné " +
                $"au jour {settings.PromptPaymentNoticeDays} ({noticeBy})."),
            SuggestedAction = new(
                "Claim interest on the late amount and, if it stays unpaid, refer the invoice to adjudication under the Construction Act.",
                "Réclamez les intérêts sur le montant en retard et, s'il reste impayé, soumettez la facture à l'arbitrage prévu par la Loi sur la construction."),
            Evidence =
            [
                new(LedgerSheets.Projects, p.ProjectId, "contract_date", $"on or after {Date(RegimeStart)}", Date(p.ContractDate!.Value)),
                new(LedgerSheets.Invoices, id, "issue_date", null, issued, new(
                    $"Day {day} after the invoice; payment was due by day {settings.PromptPaymentDays} ({payBy}).",
                    $"Jour {day} après la facture; le paiement était exigible au plus tard au jour {settings.PromptPaymentDays} ({payBy}).")),
                new(LedgerSheets.Invoices, id, "balance", $"0.00 by {payBy}", Amount(invoice.Balance)),
                new(LedgerSheets.Invoices, id, "notice_of_non_payment", $"by {noticeBy}", null, new(
                    "No notice of non-payment on record.", "Aucun avis de non-paiement consigné.")),
            ],
        };
    }
}
