namespace Allometry.Core.Rules.Collections;

using Allometry.Core.Entities;
using Allometry.Core.Exceptions;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>
/// PayerChangeExposure (domain.md §4), High: open receivables that are not with the entity that
/// holds the liability, so the follow-up must be re-routed and the claim secured.
/// </summary>
/// <remarks>
/// Per project, an open invoice is exposed when (a) its bill-to is not today's holder of the
/// project (left on the old entity after a handoff or succession, or billed to someone other than
/// the contract customer), (b) it was billed to today's holder before the dated transfer that made
/// it the holder, or (c) a third party (neither bill-to nor holder) paid more than
/// <see cref="RuleSettings.ThirdPartyPayerMaxInvoices"/> of the project's invoices: then every
/// open invoice of the project is exposed. Holders follow <see cref="LiabilityMap"/>: a link is in
/// force from its effective date, so an invoice issued on the handoff day belongs to the new entity.
/// One finding per project (subject: the project), amount = the balances of its exposed invoices,
/// <see cref="Finding.PayerId"/> = the entity that now holds the liability. Open invoices with no
/// known project are checked per payer (subject: the old payer) against successor links and
/// unscoped handoffs. Reads <c>entity_links</c> and <c>payments</c> when present.
/// </remarks>
public sealed class PayerChangeExposureRule : IRule, IExplainsClosure
{
    public string Id => "PayerChangeExposure";

    public int Version => 1;

    public IReadOnlyList<string> RequiredSheets { get; } = [LedgerSheets.Projects, LedgerSheets.Invoices];

    /// <inheritdoc />
    public LocalizedText? ClosureReason(FindingSubject subject, RuleContext context) => CollectionsClosure.OfProject(subject, context);

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var map = LiabilityMap.Of(context.Ledger);
        foreach (var project in context.Ledger.Projects.OrderBy(p => p.ProjectId, StringComparer.Ordinal))
        {
            if (OfProject(map, project, context) is { } finding) yield return finding;
        }
        var projectless = context.Ledger.Invoices
            .Where(i => IsOpen(i) && context.Ledger.Project(i.ProjectId) is null)
            .GroupBy(i => i.PayerId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var invoices in projectless)
        {
            if (OfPayer(map, invoices.Key, [.. invoices], context) is { } finding) yield return finding;
        }
    }

    private Finding? OfProject(LiabilityMap map, Project project, RuleContext context)
    {
        var open = Open(context.Ledger.InvoicesOfProject(project.ProjectId));
        if (open.Count == 0) return null;
        var now = map.Now(project, context.AsOf);
        var dated = map.LinksExplain(project, context.AsOf);
        var exposed = new List<ExposedInvoice>();
        foreach (var invoice in open)
        {
            var atIssue = map.OnDate(project, invoice.IssueDate).Holder;
            if (!Same(invoice.PayerId, now.Holder))
            {
                exposed.Add(Same(invoice.PayerId, atIssue)
                    ? new(invoice, PayerChangeReason.LeftOnOldEntity, now.Holder, LiabilityMap.TransferAfter(now, invoice.IssueDate))
                    : new(invoice, PayerChangeReason.BilledToOther, atIssue, null));
            }
            else if (dated && !Same(atIssue, now.Holder))
            {
                exposed.Add(new(invoice, PayerChangeReason.BilledBeforeTransfer, atIssue, LiabilityMap.TransferAfter(now, invoice.IssueDate)));
            }
        }
        var thirdParties = ThirdPartyPayer.Of(context.Ledger, project, now.Holder, context.Settings.ThirdPartyPayerMaxInvoices);
        if (thirdParties.Count > 0)
        {
            exposed.AddRange(open.Where(i => exposed.All(e => e.Invoice != i))
                .Select(i => new ExposedInvoice(i, PayerChangeReason.ThirdPartyPayer, now.Holder, null)));
        }
        if (exposed.Count == 0) return null;

        var ledger = context.Ledger;
        var amount = exposed.Sum(e => e.Invoice.Balance);
        var contract = CollectionsText.Payer(ledger, project.ContractPayerId);
        var holder = CollectionsText.Payer(ledger, now.Holder);
        var lines = exposed.OrderBy(e => e.Invoice.IssueDate).ThenBy(e => e.Invoice.InvoiceId, StringComparer.Ordinal)
            .Select(e => e.Explain(ledger)).Concat(thirdParties.Select(t => t.Explain(ledger))).ToList();
        var evidence = exposed.Select(e => e.ToEvidence(ledger))
            .Concat(thirdParties.SelectMany(t => t.ToEvidence(ledger)))
            .Concat(LiabilityMap.TransferEvidence(now))
            .ToList();
        if (project.CurrentPayerId is { } current)
        {
            evidence.Add(new Evidence(LedgerSheets.Projects, project.ProjectId, "current_payer_id", project.ContractPayerId, current,
                new LocalizedText("The project's payer changed.", "Le payeur du projet a changé.")));
        }
        return Build(context, new FindingSubject(SubjectKind.Project, project.ProjectId), project.ProjectId, amount, now.Holder,
            new LocalizedText(
                $"Payer change on {project.Name}: {CollectionsText.Money(amount, Language.En)} to re-route",
                $"Changement de payeur — {project.Name} : {CollectionsText.Money(amount, Language.Fr)} à rediriger"),
            new LocalizedText(
                $"Contract customer: {contract}; the liability is now with {holder}. " + string.Join(" ", lines.Select(l => l.En)),
                $"Client au contrat : {contract}; la responsabilité relève maintenant de {holder}. " + string.Join(" ", lines.Select(l => l.Fr))),
            evidence);
    }

    private Finding? OfPayer(LiabilityMap map, string payerId, IReadOnlyList<Invoice> invoices, RuleContext context)
    {
        var now = map.OfPayer(payerId, context.AsOf);
        if (!now.Moved) return null;
        var exposed = Open(invoices).Select(i =>
        {
            var atIssue = map.OfPayer(payerId, i.IssueDate).Holder;
            return Same(atIssue, payerId)
                ? new ExposedInvoice(i, PayerChangeReason.LeftOnOldEntity, now.Holder, LiabilityMap.TransferAfter(now, i.IssueDate))
                : new ExposedInvoice(i, PayerChangeReason.BilledToOther, atIssue, null);
        }).ToList();
        var amount = exposed.Sum(e => e.Invoice.Balance);
        var old = CollectionsText.Payer(context.Ledger, payerId);
        return Build(context, new FindingSubject(SubjectKind.Payer, payerId), null, amount, now.Holder,
            new LocalizedText(
                $"Payer change: {CollectionsText.Money(amount, Language.En)} still open on {old}",
                $"Changement de payeur : {CollectionsText.Money(amount, Language.Fr)} encore ouverts au nom de {old}"),
            new LocalizedText(
                string.Join(" ", exposed.Select(e => e.Explain(context.Ledger).En)),
                string.Join(" ", exposed.Select(e => e.Explain(context.Ledger).Fr))),
            [.. exposed.Select(e => e.ToEvidence(context.Ledger)), .. LiabilityMap.TransferEvidence(now)]);
    }

    private Finding Build(RuleContext context, FindingSubject subject, string? projectId, decimal amount, string holderId,
        LocalizedText title, LocalizedText detail, IReadOnlyList<Evidence> evidence)
    {
        var holder = CollectionsText.Payer(context.Ledger, holderId);
        return new Finding
        {
            RuleId = Id,
            RuleVersion = Version,
            Severity = Severity.High,
            Subject = subject,
            AmountAtRisk = amount,
            Currency = context.Ledger.Meta.Currency,
            PayerId = holderId,
            ProjectId = projectId,
            Title = title,
            Detail = detail,
            SuggestedAction = new LocalizedText(
                $"Re-route the follow-up to {holder}; get an assignment of the open invoices or a guarantee, and re-issue any invoice billed to the wrong entity.",
                $"Rediriger le suivi vers {holder}; obtenir une cession des factures ouvertes ou une garantie, et refacturer au bon nom toute facture mal adressée."),
            Evidence = evidence,
        };
    }

    private static List<Invoice> Open(IEnumerable<Invoice> invoices) =>
        [.. invoices.Where(IsOpen).OrderBy(i => i.IssueDate).ThenBy(i => i.InvoiceId, StringComparer.Ordinal)];

    private static bool IsOpen(Invoice invoice) => invoice.Balance > 0m && invoice.Status != InvoiceStatus.Void;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);
}
