namespace Allometry.Core.Rules.Collections;

using Allometry.Core.Entities;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>
/// Who holds the liability for a project's receivables (or a payer's receivables outside any
/// project), on the <see cref="EntityGraph"/>, with handoffs scoped to the projects they moved.
/// </summary>
/// <remarks>
/// The <c>entity_links</c> sheet says a handoff moves liability from one payer to another but not
/// for which project; a builder that hands one site to a developer keeps its other sites. So a
/// handoff A → B applies to a project of A that declares B (or an entity that B's liability flows
/// to) as its current payer. When no project of A declares a current payer at all, nothing scopes
/// the handoff and it applies to all of A's receivables. Successor links (A ceased, B took over)
/// always apply to everything.
/// </remarks>
internal sealed class LiabilityMap
{
    private readonly HashSet<string> _payersWithDeclaredMoves;
    private readonly Dictionary<string, IReadOnlySet<string>> _upstream = new(StringComparer.Ordinal);

    public LiabilityMap(LedgerSnapshot ledger, EntityGraph graph)
    {
        Ledger = ledger;
        Graph = graph;
        _payersWithDeclaredMoves = ledger.Projects.Where(Declares).Select(p => p.ContractPayerId).ToHashSet(StringComparer.Ordinal);
    }

    public LedgerSnapshot Ledger { get; }

    public EntityGraph Graph { get; }

    public static LiabilityMap Of(LedgerSnapshot ledger) => new(ledger, EntityGraph.Of(ledger));

    /// <summary>The holder of the project's liability on a date, by dated links alone.</summary>
    public LiabilityTrail OnDate(Project project, DateOnly on) =>
        Graph.HolderOn(project.ContractPayerId, on, link => Applies(link, project));

    /// <summary>
    /// The entity that holds the project's liability now: the declared current payer (after its own
    /// successors) when the project names one, otherwise the holder by dated links.
    /// </summary>
    public LiabilityTrail Now(Project project, DateOnly asOf)
    {
        var byLinks = OnDate(project, asOf);
        if (!Declares(project)) return byLinks;
        var declared = Graph.HolderOn(project.CurrentPayerId!, asOf, link => Applies(link, project));
        return string.Equals(declared.Holder, byLinks.Holder, StringComparison.Ordinal)
            ? byLinks
            : declared with { PayerId = project.ContractPayerId };
    }

    /// <summary>True when dated links alone explain who holds the project now (the change has a date).</summary>
    public bool LinksExplain(Project project, DateOnly asOf) =>
        string.Equals(Now(project, asOf).Holder, OnDate(project, asOf).Holder, StringComparison.Ordinal);

    /// <summary>The holder of a payer's receivables outside any project.</summary>
    public LiabilityTrail OfPayer(string payerId, DateOnly on) =>
        Graph.HolderOn(payerId, on, link => link.Kind == EntityLinkKind.Successor || !_payersWithDeclaredMoves.Contains(link.FromPayerId));

    /// <summary>Where the follow-up of an invoice goes today: its project's holder, or its payer's.</summary>
    public string HolderNow(Invoice invoice, DateOnly asOf) =>
        Ledger.Project(invoice.ProjectId) is { } project ? Now(project, asOf).Holder : OfPayer(invoice.PayerId, asOf).Holder;

    /// <summary>The links a trail followed, as evidence rows (<c>from&gt;to</c>, effective date).</summary>
    public static IEnumerable<Evidence> TransferEvidence(LiabilityTrail trail) =>
        trail.Transfers.Select(l => new Evidence(LedgerSheets.EntityLinks, $"{l.FromPayerId}>{l.ToPayerId}", "effective_date", null,
            l.EffectiveDate is { } on ? CollectionsText.Iso(on) : null,
            new LocalizedText($"{LedgerVocabulary.ToCode(l.Kind)}: {l.FromPayerId} → {l.ToPayerId}", $"{LedgerVocabulary.ToCode(l.Kind)} : {l.FromPayerId} → {l.ToPayerId}")));

    /// <summary>The date of the first transfer after the invoice: when its liability moved.</summary>
    public static DateOnly? TransferAfter(LiabilityTrail trail, DateOnly issued) =>
        trail.Transfers.Select(l => l.EffectiveDate).FirstOrDefault(d => d is { } on && on > issued);

    private static bool Declares(Project project) =>
        project.CurrentPayerId is { } current && !string.Equals(current, project.ContractPayerId, StringComparison.Ordinal);

    private bool Applies(EntityLink link, Project project)
    {
        if (link.Kind != EntityLinkKind.Handoff) return true;
        if (!Declares(project)) return !_payersWithDeclaredMoves.Contains(link.FromPayerId);
        var current = project.CurrentPayerId!;
        return string.Equals(link.ToPayerId, current, StringComparison.Ordinal) || Upstream(current).Contains(link.ToPayerId);
    }

    private IReadOnlySet<string> Upstream(string payerId)
    {
        if (!_upstream.TryGetValue(payerId, out var set))
        {
            set = Graph.PredecessorsOf(payerId);
            _upstream.Add(payerId, set);
        }
        return set;
    }
}
