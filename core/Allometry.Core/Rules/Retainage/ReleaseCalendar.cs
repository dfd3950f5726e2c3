namespace Allometry.Core.Rules.Retainage;

using Allometry.Core.Ledger;

/// <summary>
/// When each amount of a project's retainage is due for release: from the books, the contract
/// and, in Ontario, the Construction Act (domain.md §2).
/// </summary>
/// <remarks>
/// <para>The date the <c>retainage</c> sheet records (<c>release_due_on</c>) comes first; without
/// one, the project's <c>release_rule</c> gives it: <c>on_csp</c> = CSP + release_days,
/// <c>on_annual</c> = the first contract anniversary on or after the amount was held +
/// release_days, <c>qc_reception</c> = réception + release_days, <c>days_after_final</c> = the
/// final invoice + release_days. A Quebec project without a rule is read as <c>qc_reception</c>;
/// missing days fall back to the tenant's settings (Quebec: 30).</para>
/// <para>Ontario caps that date with the statute, the earliest winning: basic holdback (held from
/// invoices issued up to the CSP) is payable once the <see cref="RuleSettings.OntarioLienPeriodDays"/>
/// after the published CSP are over; and from <see cref="RuleSettings.OntarioAnnualReleaseStart"/>
/// holdback accrued to each contract anniversary is payable
/// <see cref="RuleSettings.OntarioAnnualReleasePaymentDays"/> after it — a contract made before
/// that date first on its second anniversary on or after it (so in 2027). A preserved lien
/// suspends the statutory release, but the ledger carries no lien data: cards ask the reader to
/// check. Quebec retenue is contractual, so there the contract's date stands.</para>
/// </remarks>
internal sealed class ReleaseCalendar
{
    private readonly Project? _project;
    private readonly DateOnly? _finalInvoiceOn;
    private readonly RuleSettings _settings;

    private ReleaseCalendar(Project? project, DateOnly? finalInvoiceOn, RuleSettings settings)
    {
        _project = project;
        _finalInvoiceOn = finalInvoiceOn;
        _settings = settings;
    }

    public static ReleaseCalendar For(LedgerSnapshot ledger, string projectId, RuleSettings settings) => new(
        ledger.Project(projectId),
        ledger.InvoicesOfProject(projectId)
            .Where(i => i.Kind == InvoiceKind.Final && i.Status != InvoiceStatus.Void)
            .Select(i => (DateOnly?)i.IssueDate)
            .Max(),
        settings);

    /// <summary>The release date of <paramref name="line"/>, or null when nothing in the ledger sets one yet.</summary>
    public ReleaseDate? DueOf(RetainageLine line)
    {
        var contract = Contractual(line);
        var due = line.ReleaseDueOn is { } recorded
            ? contract is { } c && c.On == recorded ? c : new ReleaseDate(recorded, ReleaseBasis.Recorded, recorded)
            : contract;
        if (_project?.SiteProvince == Province.ON)
        {
            due = Earlier(due, AfterCsp(line, _settings.OntarioLienPeriodDays));
            due = Earlier(due, Annual(line, _settings.OntarioAnnualReleaseStart, _settings.OntarioAnnualReleasePaymentDays, ReleaseBasis.StatutoryAnnual));
        }
        return due;
    }

    private ReleaseDate? Contractual(RetainageLine line)
    {
        if (_project is not { } p) return null;
        var rule = p.ReleaseRule ?? (p.SiteProvince == Province.QC ? ReleaseRule.QcReception : null);
        return rule switch
        {
            ReleaseRule.OnCsp => AfterCsp(line, p.ReleaseDays ?? _settings.OntarioLienPeriodDays),
            ReleaseRule.OnAnnual => Annual(line, null, p.ReleaseDays ?? _settings.OntarioAnnualReleasePaymentDays, ReleaseBasis.ContractAnnual),
            ReleaseRule.QcReception when p.ReceptionOn is { } r =>
                new ReleaseDate(r.AddDays(p.ReleaseDays ?? _settings.QuebecReleaseDays), ReleaseBasis.Reception, r),
            ReleaseRule.DaysAfterFinal when _finalInvoiceOn is { } f && p.ReleaseDays is { } days =>
                new ReleaseDate(f.AddDays(days), ReleaseBasis.AfterFinal, f),
            _ => null,
        };
    }

    /// <summary>Basic holdback: held from invoices issued up to the CSP (a project-level hold counts as basic).</summary>
    private ReleaseDate? AfterCsp(RetainageLine line, int days) =>
        _project?.CspPublishedOn is { } csp && (line.AccruedOn is null || line.AccruedOn <= csp)
            ? new ReleaseDate(csp.AddDays(days), ReleaseBasis.Csp, csp)
            : null;

    /// <summary>
    /// The anniversary the amount accrued to (the first on or after it was held) plus
    /// <paramref name="days"/>. With <paramref name="regimeStart"/>, only anniversaries on or after
    /// it count, and a contract made before it skips the first of those.
    /// </summary>
    private ReleaseDate? Annual(RetainageLine line, DateOnly? regimeStart, int days, ReleaseBasis basis)
    {
        if (_project?.ContractDate is not { } contract || line.AccruedOn is not { } accrued) return null;
        var years = 1;
        if (regimeStart is { } start)
        {
            while (contract.AddYears(years) < start) years++;
            if (contract < start) years++;
        }
        while (contract.AddYears(years) < accrued) years++;
        var anniversary = contract.AddYears(years);
        return new ReleaseDate(anniversary.AddDays(days), basis, anniversary);
    }

    /// <summary>The earlier date; on a tie the one that says why beats a bare recorded date.</summary>
    private static ReleaseDate? Earlier(ReleaseDate? current, ReleaseDate? candidate) =>
        (current, candidate) switch
        {
            (null, _) => candidate,
            (_, null) => current,
            ({ } a, { } b) when b.On < a.On || (b.On == a.On && a.Basis == ReleaseBasis.Recorded) => b,
            _ => current,
        };
}
