namespace Allometry.Core.Sample;

using Allometry.Core.Ledger;
using static ProjectFactory;

/// <summary>
/// Construction projects that follow every rule: deposit paid before mobilization, progress
/// invoices paid within 8–20 days (so within the 28 days of prompt payment), retainage held net
/// and billed for release when due and before 30 days have passed since the final invoice.
/// Open invoices are never more than 20 days old.
/// </summary>
internal static class CleanConstruction
{
    /// <summary>Deposit paid, some of the planned progress invoices issued, work ongoing.</summary>
    public static Project InProgress(SampleDraft d, Project template, decimal total)
    {
        var planned = d.Between(3, 6);
        var billed = d.Between(1, planned - 1);
        var firstBill = d.Day(-d.Between(1, 28) - (30 * (billed - 1)));
        var mobilization = firstBill.AddDays(-30);
        var accepted = mobilization.AddDays(-d.Between(14, 30));
        var p = Add(d, template with { Status = ProjectStatus.Active, ContractDate = accepted });
        var deposit = AcceptWithDeposit(d, p, total, accepted, accepted.AddDays(d.Between(3, 10)));
        d.AddDelivery(p, Milestone(p, "Mobilisation", "Mobilization"), mobilization, mobilization, DeliveryStatus.Delivered);
        d.AddDelivery(p, Milestone(p, "Mise en service", "Commissioning"), d.Day(d.Between(10, 90)), null, DeliveryStatus.Pending);
        var shares = Split(d, total - deposit.Subtotal, planned + 1);
        for (var i = 0; i < billed; i++)
        {
            var issue = firstBill.AddDays(30 * i);
            BillWork(d, p, InvoiceKind.Progress, issue, shares[i], PayDate(d, issue));
        }
        return p;
    }

    /// <summary>Final invoice 3–20 days ago; the retainage is held and its release is not yet due.</summary>
    public static Project Completing(SampleDraft d, Project template, decimal total)
    {
        var progress = d.Between(2, 5);
        var final = d.Day(-d.Between(3, 20));
        var firstBill = final.AddDays(-30 * progress);
        var mobilization = firstBill.AddDays(-30);
        var accepted = mobilization.AddDays(-d.Between(14, 30));
        var site = template.SiteProvince;
        var csp = site == Province.ON ? final.AddDays(-d.Between(0, 5)) : (DateOnly?)null;
        var holdsDue = csp?.AddDays(60) ?? final.AddDays(30);
        var p = Add(d, template with
        {
            Status = ProjectStatus.SubstantiallyComplete,
            ContractDate = accepted,
            CspPublishedOn = csp,
            ReceptionOn = site == Province.QC ? final : null,
            FinTravauxOn = site == Province.QC ? final : null,
        });
        var deposit = AcceptWithDeposit(d, p, total, accepted, accepted.AddDays(d.Between(3, 10)));
        d.AddDelivery(p, Milestone(p, "Mobilisation", "Mobilization"), mobilization, mobilization, DeliveryStatus.Delivered);
        d.AddDelivery(p, Milestone(p, "Installation complétée", "Installation complete"), final.AddDays(-2), final.AddDays(-2), DeliveryStatus.Installed);
        var shares = Split(d, total - deposit.Subtotal, progress + 1);
        for (var i = 0; i < progress; i++)
        {
            var issue = firstBill.AddDays(30 * i);
            BillWork(d, p, InvoiceKind.Progress, issue, shares[i], PayDate(d, issue));
        }
        BillWork(d, p, InvoiceKind.Final, final, shares[progress], PayDate(d, final));
        d.SetHoldsDue(p.ProjectId, holdsDue);
        return p;
    }

    /// <summary>
    /// Everything billed, released and paid. Ontario: CSP, final invoice 35 days later, release
    /// invoiced at CSP + 60 (25 days after the final). Elsewhere: release invoiced 28 days after
    /// the final invoice (QC réception = fin des travaux = the final invoice's date).
    /// </summary>
    public static Project Closed(SampleDraft d, Project template, decimal total)
    {
        var site = template.SiteProvince;
        var progress = d.Between(2, 5);
        var mobilizationAfter = d.Between(14, 30);
        var lastProgress = mobilizationAfter + (30 * progress);
        int? cspAfter = site == Province.ON ? lastProgress + 20 : null;
        var finalAfter = cspAfter is { } c ? c + 35 : lastProgress + 30;
        var releaseAfter = cspAfter is { } c2 ? c2 + 60 : finalAfter + 28;
        var releasePaidAfter = releaseAfter + d.Between(8, 20);
        var accepted = d.Day(-releasePaidAfter - d.Between(10, Math.Max(10, 500 - releasePaidAfter)));
        var final = accepted.AddDays(finalAfter);
        var p = Add(d, template with
        {
            Status = ProjectStatus.Closed,
            ContractDate = accepted,
            CspPublishedOn = cspAfter is { } c3 ? accepted.AddDays(c3) : null,
            ReceptionOn = site == Province.QC ? final : null,
            FinTravauxOn = site == Province.QC ? final : null,
            CompletedOn = final,
        });
        var deposit = AcceptWithDeposit(d, p, total, accepted, accepted.AddDays(d.Between(3, 10)));
        var mobilization = accepted.AddDays(mobilizationAfter);
        d.AddDelivery(p, Milestone(p, "Mobilisation", "Mobilization"), mobilization, mobilization, DeliveryStatus.Delivered);
        d.AddDelivery(p, Milestone(p, "Installation complétée", "Installation complete"), accepted.AddDays(lastProgress), accepted.AddDays(lastProgress), DeliveryStatus.Installed);
        var shares = Split(d, total - deposit.Subtotal, progress + 1);
        for (var i = 0; i < progress; i++)
        {
            var issue = mobilization.AddDays(30 * (i + 1));
            BillWork(d, p, InvoiceKind.Progress, issue, shares[i], PayDate(d, issue));
        }
        BillWork(d, p, InvoiceKind.Final, final, shares[progress], PayDate(d, final));
        d.SetHoldsDue(p.ProjectId, p.CspPublishedOn?.AddDays(60) ?? final.AddDays(30));
        var releaseIssue = accepted.AddDays(releaseAfter);
        var releasePaid = accepted.AddDays(releasePaidAfter);
        var release = d.Bill(p, InvoiceKind.RetainageRelease, releaseIssue, 30, d.OpenHolds(p.ProjectId), releasePaid);
        d.ReleaseHolds(p.ProjectId, release, releasePaid);
        return p;
    }
}
