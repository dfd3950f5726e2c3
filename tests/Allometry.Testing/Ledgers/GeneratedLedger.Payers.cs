namespace Allometry.Testing.Ledgers;

using Allometry.Core.Ledger;

// Plants about who pays: payer changes, third parties, promises.
public sealed partial class GeneratedLedger
{
    private Payer OtherPayer(string payerId)
    {
        var other = Payers[_plantRng.Next(Payers.Count)];
        return other.PayerId != payerId ? other : Payers[(Payers.IndexOf(other) + 1) % Payers.Count];
    }

    private Project PlantPayerChange(Project project, List<int> invoices)
    {
        var from = project.ContractPayerId;
        var to = OtherPayer(from).PayerId;
        var last = invoices[^1];
        var middle = Invoices[invoices[invoices.Count / 2]].IssueDate;
        switch (Between(0, 4))
        {
            case 0: // the project names a new payer; the last invoice is still open on the old one
                LeaveOpen(last);
                return project with { CurrentPayerId = to };
            case 1: // a dated handoff to the project's new payer, the invoices after it billed to the new payer
                EntityLinks.Add(new EntityLink { FromPayerId = from, ToPayerId = to, Kind = EntityLinkKind.Handoff, EffectiveDate = middle, Note = "handoff" });
                foreach (var i in invoices.Where(i => Invoices[i].IssueDate > middle && Between(0, 3) > 0)) Rebill(i, to);
                LeaveOpen(last);
                return project with { CurrentPayerId = to };
            case 2: // paid up, it declares the handoff: only this project explains why the payer's other projects stay with it
                var on = AsOf.AddDays(-Between(30, 200));
                EntityLinks.Add(new EntityLink { FromPayerId = from, ToPayerId = to, Kind = EntityLinkKind.Handoff, EffectiveDate = on, Note = "site handoff" });
                _scopedHandoffs.Add((from, to, on));
                return project with { CurrentPayerId = to };
            default: // the payer ceased: a successor takes everything over from a date near the as-of
                EntityLinks.Add(new EntityLink { FromPayerId = from, ToPayerId = to, Kind = EntityLinkKind.Successor, EffectiveDate = AsOf.AddDays(-Between(0, 90)) });
                LeaveOpen(last);
                return project;
        }
    }

    /// <summary>Bills an invoice to another payer (its generated payment too).</summary>
    private void Rebill(int index, string payerId)
    {
        Invoices[index] = Invoices[index] with { PayerId = payerId };
        if (ApplicationOf(Invoices[index].InvoiceId) is { } a)
        {
            var p = PaymentIndex(Applications[a].PaymentId);
            Payments[p] = Payments[p] with { PayerId = payerId };
        }
    }

    private void PlantThirdParty(ProjectDraft d, List<int> invoices)
    {
        var third = OtherPayer(d.Payer.PayerId).PayerId;
        var paid = invoices.Where(i => ApplicationOf(Invoices[i].InvoiceId) is not null).Take(3).ToList();
        if (paid.Count < 3) return;
        foreach (var i in paid)
        {
            var p = PaymentIndex(Applications[ApplicationOf(Invoices[i].InvoiceId)!.Value].PaymentId);
            Payments[p] = Payments[p] with { PayerId = third };
        }
        LeaveOpen(invoices[^1]);
    }

    private void PlantPromise(ProjectDraft d, List<int> invoices)
    {
        var last = invoices[^1];
        if (Invoices[last].Balance == 0m && Between(0, 2) == 0) LeaveOpen(last);
        var invoice = Invoices[last];
        var promised = AsOf.AddDays(-Between(-10, 40));
        Promises.Add(new PaymentPromise
        {
            PayerId = invoice.PayerId, InvoiceId = invoice.InvoiceId, PromisedOn = promised, RecordedOn = promised.AddDays(-10),
            PromisedAmount = invoice.Balance > 0m ? invoice.Balance : Between(100, 1_000) + 0.00m,
        });
        if (Between(0, 3) == 0)
        {
            var on = AsOf.AddDays(-Between(-5, 30));
            if (!Promises.Any(p => p.PayerId == d.Payer.PayerId && p.InvoiceId is null && p.PromisedOn == on))
            {
                Promises.Add(new PaymentPromise { PayerId = d.Payer.PayerId, PromisedOn = on, PromisedAmount = Between(500, 20_000) + 0.00m });
            }
        }
    }
}
