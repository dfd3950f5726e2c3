namespace Allometry.Testing.Ledgers;

using Allometry.Core.Ledger;
using Allometry.Core.Tax;

// The per-project plants of LedgerPlants, applied once a project's base rows are generated.
public sealed partial class GeneratedLedger
{
    private readonly List<int> _releasedFinals = [];
    private readonly List<(string From, string To, DateOnly On)> _scopedHandoffs = [];

    private sealed record ProjectDraft(Project Project, Payer Payer, Province Place, int FirstInvoice, int FirstApplication, int? QuoteIndex, int? ContractIndex);

    private IEnumerable<int> InvoicesOf(ProjectDraft d) => Enumerable.Range(d.FirstInvoice, Invoices.Count - d.FirstInvoice).Where(i => Invoices[i].ProjectId == d.Project.ProjectId);

    private Project PlantProject(ProjectDraft d)
    {
        var project = d.Project;
        var invoices = InvoicesOf(d).ToList();
        var last = invoices[^1];
        var construction = project.SupplyType == SupplyType.Construction;
        if (d.QuoteIndex is { } q && Roll(_plants.QuoteVariance)) project = PlantQuoteVariance(project, invoices, q);
        if (Roll(_plants.DepositNeverInvoiced) && project.Status != ProjectStatus.Closed && Invoices[invoices[0]].Kind == InvoiceKind.Deposit && invoices.Count > 1)
        {
            var first = Invoices[invoices[0]];
            Invoices[invoices[0]] = first with { Kind = InvoiceKind.Progress };
            // Half the time a voided deposit invoice (its balance left as issued) stands in for it: a void one does not count.
            if (Between(0, 2) == 0) AddInvoice(first with { InvoiceId = NextInvoiceId(), Balance = first.Total, Status = InvoiceStatus.Void }, null);
        }
        if (Roll(_plants.DepositUnderpaid) && Invoices[invoices[0]] is { Kind: InvoiceKind.Deposit, Balance: 0m } deposit)
        {
            var subtotal = SalesTax.Round(deposit.Subtotal * 0.6m);
            Retax(invoices[0], subtotal, TaxFor(d.Place, TaxDateOf(deposit), subtotal));
        }
        if (d.ContractIndex is { } c && Roll(_plants.RenewalDue)) PlantRenewal(c, invoices);
        if (construction && Roll(_plants.ReleaseDue)) project = PlantRelease(project, invoices);
        if (construction && Roll(_plants.RetainageNeverInvoiced) && Invoices[last].Kind == InvoiceKind.Progress)
        {
            PlantFinal(d, project, last);
        }
        if (construction && Roll(_plants.RetainageInBalance)) PlantHoldbackInBalance(d, invoices);
        if (construction && project.SiteProvince == Province.ON && Roll(_plants.PromptPayment))
        {
            var late = invoices.Where(i => Invoices[i].Kind == InvoiceKind.Progress && Invoices[i].IssueDate >= AsOf.AddDays(-120) && Invoices[i].IssueDate <= AsOf.AddDays(-20)).ToList();
            if (late.Count > 0) LeaveOpen(late[Between(0, late.Count)]);
        }
        if (Roll(_plants.PayerChange)) project = PlantPayerChange(project, invoices);
        if (invoices.Count >= 4 && Roll(_plants.ThirdPartyPayer)) PlantThirdParty(d, invoices);
        if (Roll(_plants.TaxFault)) PlantTaxFault(d, invoices[Between(0, invoices.Count)]);
        if (Roll(_plants.MissingRegistration))
        {
            var i = invoices[Between(0, invoices.Count)];
            Invoices[i] = Invoices[i] with { RegistrationNumbers = Between(0, 3) switch { 0 => null, 1 => SellerGstHst, _ => $"{InvalidGstHst()}; {SellerQst}" } };
        }
        if (Roll(_plants.CreditNote)) PlantCreditNote(d, last);
        if (Roll(_plants.OnAccountPayment))
        {
            // Half the time the project also has an open invoice of the payer, so a payment naming its invoice is a credit to claim.
            if (invoices.Count > 1 && Between(0, 2) == 0 && Invoices[invoices[^2]].Balance == 0m) LeaveOpen(invoices[^2]);
            Payments.Add(new Payment
            {
                PaymentId = NextPaymentId(), PayerId = d.Payer.PayerId, ReceivedOn = AsOf.AddDays(-Between(0, 40)), Amount = Between(100, 3_000) + 0.00m,
                Reference = Between(0, 2) == 0 ? Invoices[last].InvoiceId : "on account", Method = "cheque",
            });
        }
        if (Roll(_plants.UnappliedRest)) PlantUnappliedRest(invoices);
        if (Roll(_plants.Promise)) PlantPromise(d, invoices);
        return project;
    }

    private Project PlantQuoteVariance(Project project, List<int> invoices, int quoteIndex)
    {
        var invoiced = invoices.Select(i => Invoices[i]).Where(i => i.Kind != InvoiceKind.RetainageRelease).Sum(i => i.Subtotal + i.RetainageHeld);
        var quote = Quotes[quoteIndex];
        var lastIssue = Invoices[invoices[^1]].IssueDate;
        switch (Between(0, 3))
        {
            case 0: // leakage, completed on a date near the as-of (whether it counts as completed depends on the evaluation date)
                Quotes[quoteIndex] = quote with { TotalExTax = SalesTax.Round(invoiced / 0.9m) };
                return project with { Status = ProjectStatus.Active, CompletedOn = AsOf.AddDays(Between(-30, 10)) };
            case 1: // over-billed and closed
                Quotes[quoteIndex] = quote with { TotalExTax = SalesTax.Round(invoiced * 0.9m) };
                return project with { Status = ProjectStatus.Closed, CompletedOn = lastIssue };
            default: // drift on an open project
                if (invoices.Any(i => Invoices[i].Kind == InvoiceKind.Final)) return project;
                Quotes[quoteIndex] = quote with { TotalExTax = SalesTax.Round(invoiced / 1.2m) };
                return project with { Status = ProjectStatus.Active, CompletedOn = null };
        }
    }

    private void PlantRenewal(int contractIndex, List<int> invoices)
    {
        var contract = Contracts[contractIndex];
        var renewal = AsOf.AddDays(Between(-25, 80));
        var first = Invoices[invoices[0]];
        var detached = Between(0, 3) > 0;
        Contracts[contractIndex] = contract with
        {
            RenewalDate = renewal,
            // Detached from its project, the contract's only candidate is the invoice it names (an old one, or none).
            ProjectId = detached ? null : contract.ProjectId,
            LastRenewalInvoiceId = first.IssueDate < renewal.AddMonths(-7) ? first.InvoiceId : null,
            ServiceActive = Between(0, 5) == 0 ? false : true,
        };
    }

    private Project PlantRelease(Project project, List<int> invoices)
    {
        switch (project.SiteProvince)
        {
            case Province.ON:
                return project with { CspPublishedOn = AsOf.AddDays(-Between(20, 150)) };
            case Province.QC:
                return project with { ReceptionOn = AsOf.AddDays(-Between(0, 90)), FinTravauxOn = AsOf.AddDays(-Between(15, 45)) };
            default:
                var last = invoices[^1];
                if (Invoices[last].Kind == InvoiceKind.Progress) Invoices[last] = Invoices[last] with { Kind = InvoiceKind.Final };
                return project;
        }
    }

    private void PlantFinal(ProjectDraft d, Project project, int last)
    {
        Invoices[last] = Invoices[last] with { Kind = InvoiceKind.Final };
        if (Between(0, 5) >= 2) return;
        // Released: a paid release invoice bills all the retainage, the holds name it (no finding on the whole ledger).
        var holds = Enumerable.Range(0, Holds.Count).Where(h => Holds[h].ProjectId == project.ProjectId).ToList();
        var held = holds.Sum(h => Holds[h].HeldAmount);
        if (held <= 0m) return;
        var issue = Invoices[last].IssueDate.AddDays(5);
        if (issue >= AsOf) issue = AsOf.AddDays(-1);
        var taxes = TaxFor(d.Place, issue.AddDays(30), held);
        var id = NextInvoiceId();
        // One time in three the release invoice was voided (and the holds do not name it): the retainage is still unbilled.
        var voided = Between(0, 3) == 0;
        AddInvoice(new Invoice
        {
            InvoiceId = id, PayerId = d.Payer.PayerId, ProjectId = project.ProjectId, Kind = InvoiceKind.RetainageRelease, IssueDate = issue, DueDate = issue.AddDays(30),
            Subtotal = held, Gst = taxes.Gst, Hst = taxes.Hst, Qst = taxes.Qst, Pst = taxes.Pst, Total = held + taxes.Total, Balance = voided ? held + taxes.Total : 0m,
            TaxProvince = d.Place, RegistrationNumbers = $"{SellerGstHst}; {SellerQst}", Status = voided ? InvoiceStatus.Void : InvoiceStatus.Paid,
        }, null);
        if (voided) return;
        foreach (var h in holds) Holds[h] = Holds[h] with { ReleaseInvoiceId = id, ReleasedOn = issue };
        _releasedFinals.Add(last);
    }

    private void PlantHoldbackInBalance(ProjectDraft d, List<int> invoices)
    {
        var old = invoices.Where(i => Invoices[i] is { Kind: InvoiceKind.Progress, RetainageHeld: > 0m, Balance: 0m } v && v.DueDate <= AsOf.AddDays(-65)).ToList();
        if (old.Count == 0) return;
        var index = old[Between(0, old.Count)];
        var invoice = Invoices[index];
        var subtotal = invoice.Subtotal + invoice.RetainageHeld;
        var taxes = TaxFor(d.Place, TaxDateOf(invoice), subtotal);
        Retax(index, subtotal, taxes);
        var total = Invoices[index].Total;
        LeaveOpen(index, decimal.Round(invoice.RetainageHeld * total / subtotal, 2, MidpointRounding.AwayFromZero));
    }

    /// <summary>A payment of a paid invoice carries an unapplied rest while another invoice of the project is open (UnappliedDeposit reads the project from the paid invoice).</summary>
    private void PlantUnappliedRest(List<int> invoices)
    {
        var paid = invoices.Where(i => Invoices[i].Balance == 0m && ApplicationOf(Invoices[i].InvoiceId) is not null).ToList();
        if (paid.Count < 2) return;
        var p = PaymentIndex(Applications[ApplicationOf(Invoices[paid[0]].InvoiceId)!.Value].PaymentId);
        Payments[p] = Payments[p] with { Amount = Payments[p].Amount + Between(100, 2_000), ReceivedOn = Payments[p].ReceivedOn };
        LeaveOpen(paid[^1]);
    }
}
