namespace Allometry.Core.Postgres.Exceptions.Screening;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;

/// <summary>
/// The part of a ledger a whole-tenant evaluation read (<see cref="ScreenedLedgerLoader"/>), and
/// which of the rules' findings over it speak for the whole ledger.
/// </summary>
/// <remarks>
/// Three kinds of rows are read. The screened projects are read whole, as the project slice reads
/// one: every rule's verdict on them is the whole ledger's. Projects named for their deposits are
/// read as the deposit gate reads them (<see cref="DepositProjects"/>): only the rules that named
/// them speak for them. The base scope is read for the rules
/// it covers (<see cref="BaseScope.Covers"/>): every open receivable, promised invoice, aging line,
/// unapplied payment and invoice a live exception names, each with its project row and what is paid
/// to it. Other rows come only as context (a third party's other invoices, the open invoices of a
/// project no screen named): a rule other than the base scope's run over them sees a project
/// without its holds or its paid-up invoices, so <see cref="Owns"/> drops what it says there.
/// Nothing is lost: wherever a rule could fire, its screen named the project or the invoice.
/// </remarks>
public sealed class ScreenedLedger
{
    private readonly HashSet<string> _wholeProjects;
    private readonly HashSet<string> _wholeInvoices;
    private readonly HashSet<string> _lightInvoices;
    private readonly IReadOnlyDictionary<string, IReadOnlySet<string>> _invoiceRules;

    /// <summary>Wraps a screened read.</summary>
    /// <param name="snapshot">What was read.</param>
    /// <param name="wholeProjects">The projects read whole.</param>
    /// <param name="screenedInvoices">
    /// The invoices screens named, each with the rules that named it: read with their project row,
    /// payer and payments (not their whole project), which is what those rules read about them.
    /// </param>
    /// <param name="lightInvoices">The invoices read for the base scope's rules.</param>
    public ScreenedLedger(
        LedgerSnapshot snapshot, IEnumerable<string> wholeProjects, IReadOnlyDictionary<string, IReadOnlySet<string>> screenedInvoices,
        IEnumerable<string> lightInvoices)
    {
        Snapshot = snapshot ?? throw new ArgumentNullException(nameof(snapshot));
        ArgumentNullException.ThrowIfNull(screenedInvoices);
        _wholeProjects = new HashSet<string>(wholeProjects, StringComparer.Ordinal);
        _invoiceRules = screenedInvoices;
        _wholeInvoices = new HashSet<string>(StringComparer.Ordinal);
        _lightInvoices = new HashSet<string>(lightInvoices, StringComparer.Ordinal);
        foreach (var invoice in snapshot.Invoices)
        {
            if (invoice.ProjectId is { } project && _wholeProjects.Contains(project)) _wholeInvoices.Add(invoice.InvoiceId);
        }
    }

    /// <summary>What was read; rules run over it as over the whole ledger.</summary>
    public LedgerSnapshot Snapshot { get; }

    /// <summary>Where the read's time went, step by step (meta, each screen, the read), for benchmarks and logs.</summary>
    public IReadOnlyList<(string Step, TimeSpan Took)> Steps { get; init; } = [];

    /// <summary>
    /// The projects read for their deposits (<see cref="ScreenResult.DepositProjectIds"/>), each with
    /// the rules whose screen named it: those rules' findings about the project are the whole ledger's.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> DepositProjects { get; init; } = new Dictionary<string, IReadOnlySet<string>>();

    /// <summary>How many projects were read whole.</summary>
    public int WholeProjectCount => _wholeProjects.Count;

    /// <summary>
    /// True when <paramref name="finding"/> is the whole ledger's verdict. A base-scope rule's
    /// finding is, unless it is about an invoice read only as context; another rule's finding is
    /// when it is about an invoice that rule's screen named, or a project it named for its deposits,
    /// or when its project was read whole (or it has none) and so was its invoice, if it is about
    /// one. Payer, group, payment and promise findings have no invoice to check.
    /// </summary>
    public bool Owns(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var aboutInvoice = finding.Subject.Kind == SubjectKind.Invoice;
        if (BaseScope.Covers.Contains(finding.RuleId))
        {
            return !aboutInvoice || _lightInvoices.Contains(finding.Subject.Id) || _wholeInvoices.Contains(finding.Subject.Id);
        }
        if (aboutInvoice && _invoiceRules.TryGetValue(finding.Subject.Id, out var rules) && rules.Contains(finding.RuleId)) return true;
        if (finding.Subject.Kind == SubjectKind.Project && DepositProjects.TryGetValue(finding.Subject.Id, out var byDeposits)
            && byDeposits.Contains(finding.RuleId))
        {
            return true;
        }
        if (finding.ProjectId is { } project && !_wholeProjects.Contains(project)) return false;
        return !aboutInvoice || _wholeInvoices.Contains(finding.Subject.Id);
    }

    /// <summary>The findings <see cref="Owns"/> keeps, in their order.</summary>
    public IReadOnlyList<Finding> Owned(IEnumerable<Finding> findings) => [.. findings.Where(Owns)];
}
