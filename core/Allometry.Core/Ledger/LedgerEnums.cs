namespace Allometry.Core.Ledger;

// The closed vocabularies of the import contract (shared/brief/import-format.md). Their
// snake_case spellings in files map to these members through LedgerVocabulary.

/// <summary>What an invoice bills for.</summary>
public enum InvoiceKind { Deposit, Progress, Final, RetainageRelease, Service, Other }

/// <summary>Lifecycle of an invoice in the source system.</summary>
public enum InvoiceStatus { Open, Paid, Void }

/// <summary>How a project's supply is taxed: decides the place of supply.</summary>
public enum SupplyType { Goods, Lease, Construction, Service }

/// <summary>When a project's retainage becomes releasable.</summary>
public enum ReleaseRule { OnCsp, OnAnnual, QcReception, DaysAfterFinal }

/// <summary>Where a project is in its life.</summary>
public enum ProjectStatus { Quoted, Active, Delivered, Installed, SubstantiallyComplete, Closed }

/// <summary>State of a delivery or milestone.</summary>
public enum DeliveryStatus { Pending, Delivered, Installed, Cancelled }

/// <summary>State of a quote.</summary>
public enum QuoteStatus { Draft, Sent, Accepted, Declined, Expired }

/// <summary>How two payers are related.</summary>
public enum EntityLinkKind
{
    /// <summary>From is the parent of to.</summary>
    Parent,
    /// <summary>Sister entities.</summary>
    Affiliate,
    /// <summary>To took over from from (e.g. an ownership change).</summary>
    Successor,
    /// <summary>Liability moves from → to on the effective date (builder → developer).</summary>
    Handoff,
}

/// <summary>Where an invoice row came from: the ledger workbook or a native aging export.</summary>
public enum InvoiceOrigin
{
    Workbook,
    /// <summary>One transaction line of an aging detail export.</summary>
    AgingDetail,
    /// <summary>One customer × bucket cell of an aging summary export (no real document).</summary>
    AgingSummary,
}
