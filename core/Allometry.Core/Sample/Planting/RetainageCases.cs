namespace Allometry.Core.Sample.Planting;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using static Allometry.Core.Sample.ProjectFactory;

/// <summary>Holdback and retenue that are due, forgotten, aged, or about to lose the hypothec.</summary>
internal static class RetainageCases
{
    /// <summary>
    /// HoldbackReleaseDue (ON), High: CSP published 85 days ago, the 60-day lien period is over,
    /// no release invoice. The project bills no "final" invoice, so RetainageNeverInvoiced stays
    /// quiet. Amount = the project's holds whose release_due_on is before the as-of date (the
    /// lien period runs through its 60th day: a release due today is not late yet) and that no
    /// release invoice covers.
    /// </summary>
    public static void HoldbackAfterCsp(SampleDraft d, Payer payer)
    {
        var csp = d.Day(-85);
        var mobilization = csp.AddDays(-90);
        var accepted = mobilization.AddDays(-20);
        var p = Add(d, Base(d, payer, BusinessLine.EvCharging, SupplyType.Construction, Province.ON, "Toronto") with
        {
            Status = ProjectStatus.SubstantiallyComplete,
            ContractDate = accepted,
            CspPublishedOn = csp,
        });
        var total = d.Dollars(90_000, 180_000);
        var deposit = AcceptWithDeposit(d, p, total, accepted, accepted.AddDays(6));
        d.AddDelivery(p, "Mobilization", mobilization, mobilization, DeliveryStatus.Delivered);
        d.AddDelivery(p, "Installation complete", csp.AddDays(-5), csp.AddDays(-5), DeliveryStatus.Installed);
        var shares = Split(d, total - deposit.Subtotal, 2);
        var first = BillWork(d, p, InvoiceKind.Progress, csp.AddDays(-60), shares[0], csp.AddDays(-48));
        var second = BillWork(d, p, InvoiceKind.Progress, csp.AddDays(-30), shares[1], csp.AddDays(-16));
        d.SetHoldsDue(p.ProjectId, csp.AddDays(60));
        d.Plant(SampleRuleIds.HoldbackReleaseDue, Severity.High, SubjectKind.Project, p.ProjectId,
            $"CSP published {csp.Iso()}; lien period ended {csp.AddDays(60).Iso()}; holdback never billed for release.",
            [first.InvoiceId, second.InvoiceId], ix => DueOpenHolds(ix, p.ProjectId, d.AsOf));
    }

    /// <summary>
    /// HoldbackReleaseDue (ON, annual release), High: a 13-month contract whose annual-release
    /// clause set release_due_on to the anniversary + 14 days (21 days ago). domain.md §2 puts the
    /// first statutory annual release of pre-2026 contracts in 2027, so the due date here is the
    /// contract's, carried by release_due_on. Amount = holds due before the as-of date
    /// (those accrued to the anniversary) not covered by a release invoice.
    /// </summary>
    public static void HoldbackAnnual(SampleDraft d, Payer payer)
    {
        var contract = d.Day(-400);
        var anniversary = contract.AddYears(1);
        var releaseDue = anniversary.AddDays(14);
        var mobilization = contract.AddDays(20);
        var p = Add(d, Base(d, payer, BusinessLine.Solar, SupplyType.Construction, Province.ON, "Hamilton") with
        {
            Status = ProjectStatus.Active,
            ContractDate = contract,
            ReleaseRule = ReleaseRule.OnAnnual,
            ReleaseDays = 14,
        });
        var total = d.Dollars(380_000, 600_000);
        var deposit = AcceptWithDeposit(d, p, total, contract, contract.AddDays(7));
        d.AddDelivery(p, "Mobilization", mobilization, mobilization, DeliveryStatus.Delivered);
        d.AddDelivery(p, "Commissioning", d.Day(60), null, DeliveryStatus.Pending);
        var bills = Enumerable.Range(1, 20).Select(m => mobilization.AddDays(30 * m)).Where(day => day <= d.Day(-5)).ToList();
        var shares = Split(d, total - deposit.Subtotal, bills.Count + 2);
        var accrued = new List<string>();
        for (var i = 0; i < bills.Count; i++)
        {
            var due = bills[i] <= anniversary ? releaseDue : anniversary.AddYears(1).AddDays(14);
            var invoice = BillWork(d, p, InvoiceKind.Progress, bills[i], shares[i], PayDate(d, bills[i]), due);
            if (bills[i] <= anniversary) accrued.Add(invoice.InvoiceId);
        }
        d.Plant(SampleRuleIds.HoldbackReleaseDue, Severity.High, SubjectKind.Project, p.ProjectId,
            $"Annual release: holdback accrued to the anniversary {anniversary.Iso()} was due {releaseDue.Iso()}; no release invoice.",
            accrued, ix => DueOpenHolds(ix, p.ProjectId, d.AsOf));
    }

    /// <summary>
    /// RetenueReleaseDue (QC), High: réception 50 days ago, retenue releasable 30 days after it,
    /// no release invoice. The final invoice is 25 days old and fin des travaux 10 days old, so
    /// neither RetainageNeverInvoiced nor HypothecDeadline applies. Amount = holds due before
    /// the as-of date not covered by a release invoice.
    /// </summary>
    public static void RetenueAfterReception(SampleDraft d, Payer payer)
    {
        var reception = d.Day(-50);
        var mobilization = reception.AddDays(-120);
        var accepted = mobilization.AddDays(-20);
        var p = Add(d, Base(d, payer, BusinessLine.Solar, SupplyType.Construction, Province.QC, "Saint-Jérôme") with
        {
            Status = ProjectStatus.SubstantiallyComplete,
            ContractDate = accepted,
            ReceptionOn = reception,
            FinTravauxOn = d.Day(-10),
        });
        var total = d.Dollars(150_000, 320_000);
        var deposit = AcceptWithDeposit(d, p, total, accepted, accepted.AddDays(4));
        d.AddDelivery(p, "Mobilisation", mobilization, mobilization, DeliveryStatus.Delivered);
        d.AddDelivery(p, "Réception avec réserves", reception, reception, DeliveryStatus.Installed);
        var shares = Split(d, total - deposit.Subtotal, 4);
        var evidence = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var issue = reception.AddDays(-90 + (30 * i));
            evidence.Add(BillWork(d, p, InvoiceKind.Progress, issue, shares[i], PayDate(d, issue)).InvoiceId);
        }
        evidence.Add(BillWork(d, p, InvoiceKind.Final, d.Day(-25), shares[3], d.Day(-8)).InvoiceId);
        d.SetHoldsDue(p.ProjectId, reception.AddDays(30));
        d.Plant(SampleRuleIds.RetenueReleaseDue, Severity.High, SubjectKind.Project, p.ProjectId,
            $"Réception {reception.Iso()}; retenue releasable {reception.AddDays(30).Iso()}; no release invoice.",
            evidence, ix => DueOpenHolds(ix, p.ProjectId, d.AsOf));
    }

    /// <summary>
    /// HypothecDeadline (QC), Critical: fin des travaux 25 days ago (5 days of the 30 left) and the
    /// final invoice unpaid. The contract has no retenue. Amount = money owed on the project: the
    /// sum of its invoices' balances.
    /// </summary>
    public static void Hypothec(SampleDraft d, Payer payer)
    {
        var fin = d.Day(-25);
        var mobilization = fin.AddDays(-90);
        var accepted = mobilization.AddDays(-20);
        var p = Add(d, Base(d, payer, BusinessLine.EvCharging, SupplyType.Construction, Province.QC, "Rimouski") with
        {
            Status = ProjectStatus.SubstantiallyComplete,
            ContractDate = accepted,
            RetainagePct = 0m,
            ReleaseRule = null,
            ReleaseDays = null,
            ReceptionOn = fin,
            FinTravauxOn = fin,
        });
        var total = d.Dollars(60_000, 150_000);
        var deposit = AcceptWithDeposit(d, p, total, accepted, accepted.AddDays(5));
        d.AddDelivery(p, "Mobilisation", mobilization, mobilization, DeliveryStatus.Delivered);
        d.AddDelivery(p, "Fin des travaux", fin, fin, DeliveryStatus.Installed);
        var shares = Split(d, total - deposit.Subtotal, 3);
        BillWork(d, p, InvoiceKind.Progress, fin.AddDays(-60), shares[0], fin.AddDays(-50));
        BillWork(d, p, InvoiceKind.Progress, fin.AddDays(-30), shares[1], fin.AddDays(-18));
        var final = BillWork(d, p, InvoiceKind.Final, fin, shares[2], payOn: null);
        d.Plant(SampleRuleIds.HypothecDeadline, Severity.Critical, SubjectKind.Project, p.ProjectId,
            $"Fin des travaux {fin.Iso()}: the legal hypothec lapses {fin.AddDays(30).Iso()} with {final.InvoiceId} unpaid.",
            [final.InvoiceId], ix => ix.InvoicesOf(p.ProjectId).Sum(i => i.Balance));
    }

    /// <summary>
    /// RetainageNeverInvoiced, High: final invoice 75 days ago, retainage still held and never
    /// billed for release (NS, days_after_final). Amount = held − billed for release = the
    /// project's held amounts − the subtotals of its retainage_release invoices.
    /// </summary>
    public static void NeverInvoiced(SampleDraft d, Payer payer)
    {
        var final = d.Day(-75);
        var mobilization = final.AddDays(-120);
        var accepted = mobilization.AddDays(-20);
        var p = Add(d, Base(d, payer, BusinessLine.Solar, SupplyType.Construction, Province.NS, "Wolfville") with
        {
            Status = ProjectStatus.SubstantiallyComplete,
            ContractDate = accepted,
        });
        var total = d.Dollars(120_000, 260_000);
        var deposit = AcceptWithDeposit(d, p, total, accepted, accepted.AddDays(8));
        d.AddDelivery(p, "Mobilization", mobilization, mobilization, DeliveryStatus.Delivered);
        d.AddDelivery(p, "Installation complete", final.AddDays(-3), final.AddDays(-3), DeliveryStatus.Installed);
        var shares = Split(d, total - deposit.Subtotal, 4);
        for (var i = 0; i < 3; i++)
        {
            var issue = final.AddDays(-90 + (30 * i));
            BillWork(d, p, InvoiceKind.Progress, issue, shares[i], PayDate(d, issue));
        }
        var last = BillWork(d, p, InvoiceKind.Final, final, shares[3], PayDate(d, final));
        d.SetHoldsDue(p.ProjectId, final.AddDays(30));
        d.Plant(SampleRuleIds.RetainageNeverInvoiced, Severity.High, SubjectKind.Project, p.ProjectId,
            $"Final invoice {last.InvoiceId} on {final.Iso()}; retainage never billed for release.",
            [last.InvoiceId],
            ix => ix.Holds(p.ProjectId).Sum(h => h.HeldAmount)
                - ix.InvoicesOf(p.ProjectId).Where(i => i.Kind == InvoiceKind.RetainageRelease).Sum(i => i.Subtotal),
            SampleRuleIds.QuoteInvoiceVariance);
    }

    internal static decimal DueOpenHolds(LedgerIndex ix, string projectId, DateOnly asOf) =>
        ix.Holds(projectId).Where(h => h.ReleaseInvoiceId is null && h.ReleaseDueOn < asOf).Sum(h => h.HeldAmount);
}
