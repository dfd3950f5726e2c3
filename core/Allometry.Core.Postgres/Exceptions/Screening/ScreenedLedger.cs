namespace Allometry.Core.Postgres.Exceptions.Screening;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;

/// <summary>
/// The part of a ledger a whole-tenant evaluation read (<see cref="ScreenedLedgerLoader"/>), and
/// which of the rules' findings over it speak for the whole ledger.
/// </summary>
/// <remarks>
/// Some rows are read only as context of others: the invoices a scoped payment also paid (a third
/// party's other invoices), those an unapplied payment names. A rule run over such an invoice sees
/// it without its project or its other payments, so what it says about it is not the whole ledger's
/// verdict, and <see cref="Owns"/> drops it. Nothing is lost: wherever a rule could fire, a screen
/// (or the base scope) put the project or the invoice in scope, read whole.
/// </remarks>
public sealed class ScreenedLedger
{
    private readonly HashSet<string> _projects;
    private readonly HashSet<string> _invoices;

    /// <summary>Wraps a screened read.</summary>
    /// <param name="snapshot">What was read.</param>
    /// <param name="projects">The projects read whole.</param>
    /// <param name="invoices">The projectless invoices read whole (base scope and screens).</param>
    public ScreenedLedger(LedgerSnapshot snapshot, IEnumerable<string> projects, IEnumerable<string> invoices)
    {
        Snapshot = snapshot ?? throw new ArgumentNullException(nameof(snapshot));
        _projects = new HashSet<string>(projects, StringComparer.Ordinal);
        _invoices = new HashSet<string>(invoices, StringComparer.Ordinal);
        // Invoices read whole besides the named ones: those of scoped projects, and every aging
        // line (a line's rule compares it with its payer's other lines, all of which are read).
        foreach (var invoice in snapshot.Invoices)
        {
            if ((invoice.ProjectId is { } project && _projects.Contains(project)) || invoice.Origin != InvoiceOrigin.Workbook)
            {
                _invoices.Add(invoice.InvoiceId);
            }
        }
    }

    /// <summary>What was read; rules run over it as over the whole ledger.</summary>
    public LedgerSnapshot Snapshot { get; }

    /// <summary>How many projects were read whole.</summary>
    public int ProjectCount => _projects.Count;

    /// <summary>
    /// True when <paramref name="finding"/> is the whole ledger's verdict: its project (if any) was
    /// read whole, and so was its invoice (if its subject is one). Payer, group, payment and promise
    /// findings always are: the payer-wide facts they add up are read entirely.
    /// </summary>
    public bool Owns(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.ProjectId is { } project && !_projects.Contains(project)) return false;
        return finding.Subject.Kind != SubjectKind.Invoice || _invoices.Contains(finding.Subject.Id);
    }

    /// <summary>The findings <see cref="Owns"/> keeps, in their order.</summary>
    public IReadOnlyList<Finding> Owned(IEnumerable<Finding> findings) => [.. findings.Where(Owns)];
}
