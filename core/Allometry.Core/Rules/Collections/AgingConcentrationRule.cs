namespace Allometry.Core.Rules.Collections;

using Allometry.Core.Aging;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>
/// AgingConcentration (domain.md §4), Medium: a payer carries more than
/// <see cref="RuleSettings.ConcentrationSharePercent"/> of all open AR, or more than
/// <see cref="RuleSettings.ConcentrationOver90Percent"/> of its own balance is over 90 days past due.
/// Runs on a bare aging export (invoices alone).
/// </summary>
/// <remarks>
/// Balances are net (credit notes count negative, void invoices not at all); a payer whose net
/// balance is not positive is not concentrated. One finding per payer: the amount is the payer's
/// whole balance when its share of AR triggers (the 90+ part is inside it), otherwise the part of
/// its balance in invoices more than 90 days past due.
/// </remarks>
public sealed class AgingConcentrationRule : IRule
{
    private const int Over90Days = 90;
    private const int MaxInvoicesInEvidence = 10;

    public string Id => "AgingConcentration";

    public int Version => 1;

    public IReadOnlyList<string> RequiredSheets { get; } = [LedgerSheets.Invoices];

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var open = context.Ledger.Invoices.Where(i => i.Status != InvoiceStatus.Void && i.Balance != 0m).ToList();
        var total = open.Sum(i => i.Balance);
        if (total <= 0m) yield break;
        foreach (var invoices in open.GroupBy(i => i.PayerId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var balance = invoices.Sum(i => i.Balance);
            if (balance <= 0m) continue;
            var aged = invoices.Where(i => AgingBuckets.DaysPastDue(context.AsOf, i.DueDate) > Over90Days).ToList();
            var over90 = aged.Sum(i => i.Balance);
            var share = balance / total * 100m;
            var agedShare = over90 / balance * 100m;
            var byShare = share > context.Settings.ConcentrationSharePercent;
            var byAge = agedShare > context.Settings.ConcentrationOver90Percent;
            if (!byShare && !byAge) continue;
            yield return Build(context, invoices.Key, balance, total, share, over90, agedShare, byShare, aged);
        }
    }

    private Finding Build(RuleContext context, string payerId, decimal balance, decimal total, decimal share,
        decimal over90, decimal agedShare, bool byShare, IReadOnlyList<Invoice> aged)
    {
        var settings = context.Settings;
        var payer = CollectionsText.Payer(context.Ledger, payerId);
        var amount = byShare ? balance : over90;
        var (sharePct, agedPct) = (CollectionsText.Percent(share), CollectionsText.Percent(agedShare));
        string M(decimal a, Language l) => CollectionsText.Money(a, l);
        var evidence = new List<Evidence>
        {
            new(LedgerSheets.Payers, payerId, "share_of_ar_percent", $"<= {CollectionsText.Invariant(settings.ConcentrationSharePercent)}", CollectionsText.Invariant(share),
                new LocalizedText($"{M(balance, Language.En)} of {M(total, Language.En)} open AR.", $"{M(balance, Language.Fr)} sur {M(total, Language.Fr)} de comptes clients ouverts.")),
            new(LedgerSheets.Payers, payerId, "over_90_percent", $"<= {CollectionsText.Invariant(settings.ConcentrationOver90Percent)}", CollectionsText.Invariant(agedShare),
                new LocalizedText($"{M(over90, Language.En)} more than 90 days past due.", $"{M(over90, Language.Fr)} en retard de plus de 90 jours.")),
        };
        evidence.AddRange(aged.OrderByDescending(i => i.Balance).ThenBy(i => i.InvoiceId, StringComparer.Ordinal).Take(MaxInvoicesInEvidence)
            .Select(i => new Evidence(LedgerSheets.Invoices, i.InvoiceId, "due_date", null, CollectionsText.Iso(i.DueDate),
                new LocalizedText($"{M(i.Balance, Language.En)} over 90 days past due.", $"{M(i.Balance, Language.Fr)} en retard de plus de 90 jours."))));

        return new Finding
        {
            RuleId = Id,
            RuleVersion = Version,
            Severity = Severity.Medium,
            Subject = new FindingSubject(SubjectKind.Payer, payerId),
            AmountAtRisk = amount,
            Currency = context.Ledger.Meta.Currency,
            PayerId = payerId,
            Title = byShare
                ? new LocalizedText($"Concentration: {payer} holds {sharePct.En} of AR", $"Concentration : {payer} représente {sharePct.Fr} des comptes clients")
                : new LocalizedText($"{payer}: {agedPct.En} of the balance is 90+ days past due", $"{payer} : {agedPct.Fr} du solde a plus de 90 jours de retard"),
            Detail = new LocalizedText(
                $"{payer} owes {M(balance, Language.En)}, {sharePct.En} of the {M(total, Language.En)} open AR (threshold {CollectionsText.Percent(settings.ConcentrationSharePercent).En}); {M(over90, Language.En)} of it ({agedPct.En}) is more than 90 days past due (threshold {CollectionsText.Percent(settings.ConcentrationOver90Percent).En}).",
                $"{payer} doit {M(balance, Language.Fr)}, soit {sharePct.Fr} des {M(total, Language.Fr)} de comptes clients ouverts (seuil {CollectionsText.Percent(settings.ConcentrationSharePercent).Fr}); {M(over90, Language.Fr)} de ce solde ({agedPct.Fr}) a plus de 90 jours de retard (seuil {CollectionsText.Percent(settings.ConcentrationOver90Percent).Fr})."),
            SuggestedAction = new LocalizedText(
                "Review the payer's credit: limit, terms and guarantees; agree a payment plan for the oldest balance.",
                "Revoir le crédit du client : limite, modalités et garanties; convenir d'un plan de paiement pour le solde le plus ancien."),
            Evidence = evidence,
        };
    }
}
