namespace Allometry.Core.Rules.Collections;

using Allometry.Core.Entities;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>
/// LinkedGroupOverLimit (domain.md §4), High: the open receivables of a linked group exceed the
/// group's credit limit.
/// </summary>
/// <remarks>
/// A group is a set of two payers or more joined by parent, affiliate or successor links in force
/// on the as-of date (<see cref="EntityGraph.GroupsOn"/>), named by its root. Its open AR is the
/// sum of its members' invoice balances (credit notes count negative, void invoices not at all),
/// after people's re-routes (<see cref="RuleContext.Reroutes"/>): an invoice re-routed to another
/// entity counts for that entity's group, not its bill-to's.
/// Its limit is the one configured in <see cref="RuleSettings.GroupCreditLimits"/> for the root;
/// without one, the sum of the members' own credit limits, because that is the most credit anyone
/// approved for these entities (members with no limit add nothing; a group where no member has
/// one is not checked). Amount = open AR − limit; <see cref="Finding.PayerId"/> = the root.
/// </remarks>
public sealed class LinkedGroupOverLimitRule : IRule
{
    private const int MaxInvoicesInEvidence = 10;

    public string Id => "LinkedGroupOverLimit";

    public int Version => 1;

    public IReadOnlyList<string> RequiredSheets { get; } = [LedgerSheets.Payers, LedgerSheets.EntityLinks, LedgerSheets.Invoices];

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var ledger = context.Ledger;
        foreach (var group in EntityGraph.Of(ledger).GroupsOn(context.AsOf))
        {
            var (limit, configured) = LimitOf(group, context);
            if (limit is not { } groupLimit) continue;
            var balances = group.Members.Select(m => (PayerId: m, Open: OpenBalance(context, m))).ToList();
            var openAr = balances.Sum(b => b.Open);
            if (openAr <= groupLimit) continue;
            yield return Build(context, group, balances, openAr, groupLimit, configured);
        }
    }

    private static (decimal? Limit, bool Configured) LimitOf(EntityGroup group, RuleContext context)
    {
        if (context.Settings.GroupCreditLimits.TryGetValue(group.RootId, out var configured)) return (configured, true);
        var own = group.Members.Select(m => context.Ledger.Payer(m)?.CreditLimit).Where(l => l is not null).ToList();
        return (own.Count == 0 ? null : own.Sum(), false);
    }

    // A member's receivables after people's re-routes: money moved to another entity counts there.
    private static decimal OpenBalance(RuleContext context, string payerId) =>
        context.Reroutes.InvoicesHeldBy(context.Ledger, payerId).Where(i => i.Status != InvoiceStatus.Void).Sum(i => i.Balance);

    private Finding Build(RuleContext context, EntityGroup group, IReadOnlyList<(string PayerId, decimal Open)> balances,
        decimal openAr, decimal limit, bool configured)
    {
        var ledger = context.Ledger;
        var over = openAr - limit;
        var root = CollectionsText.Payer(ledger, group.RootId);
        var source = configured
            ? new LocalizedText("configured for the group", "configurée pour le groupe")
            : new LocalizedText("the sum of the members' credit limits", "somme des limites de crédit des membres");
        string Members(Language l) => string.Join("; ", balances.Where(b => b.Open != 0m)
            .Select(b => $"{CollectionsText.Payer(ledger, b.PayerId)} {CollectionsText.Money(b.Open, l)}"));

        var evidence = new List<Evidence>
        {
            new(LedgerSheets.Payers, group.RootId, configured ? "group_credit_limit" : "credit_limit",
                CollectionsText.Invariant(limit), CollectionsText.Invariant(openAr),
                new LocalizedText("Group limit (expected) against the group's open AR (actual).", "Limite du groupe (attendu) et solde ouvert du groupe (constaté).")),
        };
        evidence.AddRange(balances.Select(b => new Evidence(LedgerSheets.Payers, b.PayerId, "open_ar", null, CollectionsText.Invariant(b.Open))));
        evidence.AddRange(group.Members.SelectMany(m => context.Reroutes.InvoicesHeldBy(ledger, m))
            .Where(i => i.Balance > 0m && i.Status != InvoiceStatus.Void)
            .OrderByDescending(i => i.Balance).ThenBy(i => i.InvoiceId, StringComparer.Ordinal)
            .Take(MaxInvoicesInEvidence)
            .Select(i => new Evidence(LedgerSheets.Invoices, i.InvoiceId, "balance", null, CollectionsText.Invariant(i.Balance))));

        return new Finding
        {
            RuleId = Id,
            RuleVersion = Version,
            Severity = Severity.High,
            Subject = new FindingSubject(SubjectKind.LinkedGroup, group.RootId),
            AmountAtRisk = over,
            Currency = ledger.Meta.Currency,
            PayerId = group.RootId,
            Title = new LocalizedText(
                $"Linked group {root} over its credit limit by {CollectionsText.Money(over, Language.En)}",
                $"Groupe lié {root} : limite de crédit dépassée de {CollectionsText.Money(over, Language.Fr)}"),
            Detail = new LocalizedText(
                $"Open AR across the {group.Members.Count} linked entities is {CollectionsText.Money(openAr, Language.En)}, against a group limit of {CollectionsText.Money(limit, Language.En)} ({source.En}). By entity: {Members(Language.En)}.",
                $"Le solde ouvert des {group.Members.Count} entités liées atteint {CollectionsText.Money(openAr, Language.Fr)}, pour une limite de groupe de {CollectionsText.Money(limit, Language.Fr)} ({source.Fr}). Par entité : {Members(Language.Fr)}."),
            SuggestedAction = new LocalizedText(
                "Put the group on credit hold: no new shipments or work on credit until its balance is back under the limit; review the limit with the controller.",
                "Suspendre le crédit du groupe : plus de livraisons ni de travaux à crédit tant que le solde dépasse la limite; revoir la limite avec le contrôleur."),
            Evidence = evidence,
        };
    }
}
