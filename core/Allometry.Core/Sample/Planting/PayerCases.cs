namespace Allometry.Core.Sample.Planting;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using static Allometry.Core.Sample.ProjectFactory;

/// <summary>Exposure that moved between entities or piled up across a linked group.</summary>
internal static class PayerCases
{
    /// <summary>
    /// PayerChangeExposure, High: the builder handed the Les Méandres project off to the developer
    /// 60 days ago; a progress invoice billed to the builder before the handoff is still open.
    /// Amount = open AR left on the old entity: the balances of the project's invoices billed to
    /// its contract payer. (The builder has no other open invoice, so per payer it is the same.)
    /// </summary>
    public static void Handoff(SampleDraft d, Payer builder, Payer developer)
    {
        var accepted = d.Day(-150);
        var p = Add(d, Base(d, builder, BusinessLine.EvCharging, SupplyType.Construction, Province.QC, "Lévis") with
        {
            Name = "Bornes de recharge — Quartier Les Méandres, Lévis",
            CurrentPayerId = developer.PayerId,
            Status = ProjectStatus.Active,
            ContractDate = accepted,
        });
        var total = d.Dollars(110_000, 200_000);
        var deposit = AcceptWithDeposit(d, p, total, accepted, accepted.AddDays(5), payerId: builder.PayerId);
        d.AddDelivery(p, "Mobilisation", d.Day(-130), d.Day(-130), DeliveryStatus.Delivered);
        d.AddDelivery(p, "Mise en service", d.Day(20), null, DeliveryStatus.Pending);
        var shares = Split(d, total - deposit.Subtotal, 4);
        BillWork(d, p, InvoiceKind.Progress, d.Day(-100), shares[0], d.Day(-88), payerId: builder.PayerId);
        var left = BillWork(d, p, InvoiceKind.Progress, d.Day(-70), shares[1], payOn: null, payerId: builder.PayerId);
        BillWork(d, p, InvoiceKind.Progress, d.Day(-30), shares[2], d.Day(-18), payerId: developer.PayerId);
        d.Plant(SampleRuleIds.PayerChangeExposure, Severity.High, SubjectKind.Project, p.ProjectId,
            $"{left.InvoiceId} still open on the builder {builder.PayerId} after the handoff to {developer.PayerId} on {d.Day(-60).Iso()}.",
            [left.InvoiceId],
            ix => ix.InvoicesOf(p.ProjectId).Where(i => i.PayerId == builder.PayerId).Sum(i => i.Balance),
            SampleRuleIds.OverdueInvoice);
    }

    /// <summary>
    /// LinkedGroupOverLimit, High: three Érablière entities each carry a large, current progress
    /// invoice; only the parent has a credit limit, so the group limit is the parent's whether a
    /// group limit is read as the parent's or as the sum of the members'. Amount = open AR of the
    /// group (every payer linked by parent, affiliate or successor links) − the parent's limit.
    /// Subject: the linked group, named by its root payer; <see cref="SampleLedger.GroupCreditLimits"/>
    /// carries the limit for engines that take group limits from settings.
    /// </summary>
    public static void GroupOverLimit(SampleDraft d, Payer parent, IReadOnlyList<(Payer Member, Province Site, string City)> members)
    {
        var evidence = new List<string>();
        foreach (var (member, site, city) in members)
        {
            var accepted = d.Day(-d.Between(75, 100));
            var p = Add(d, Base(d, member, BusinessLine.Solar, SupplyType.Construction, site, city) with
            {
                Status = ProjectStatus.Active,
                ContractDate = accepted,
            });
            var total = d.Dollars(420_000, 560_000);
            var deposit = AcceptWithDeposit(d, p, total, accepted, accepted.AddDays(4));
            var mobilization = accepted.AddDays(20);
            d.AddDelivery(p, Milestone(p, "Mobilisation", "Mobilization"), mobilization, mobilization, DeliveryStatus.Delivered);
            BillWork(d, p, InvoiceKind.Progress, mobilization.AddDays(30), SampleTax.Round((total - deposit.Subtotal) * 0.15m), mobilization.AddDays(42));
            var issue = d.Day(-d.Between(3, 15));
            evidence.Add(BillWork(d, p, InvoiceKind.Progress, issue, d.Dollars(80_000, 100_000), payOn: null).InvoiceId);
        }
        d.Plant(SampleRuleIds.LinkedGroupOverLimit, Severity.High, SubjectKind.LinkedGroup, parent.PayerId,
            FormattableString.Invariant($"Open AR across the Érablière group ({parent.PayerId} and its linked entities) exceeds the group limit of {parent.CreditLimit:0.00}."),
            evidence,
            ix => ix.GroupOf(parent.PayerId).Sum(ix.OpenBalance) - (parent.CreditLimit ?? 0m));
    }
}
