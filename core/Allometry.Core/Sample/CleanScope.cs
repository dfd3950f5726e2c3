namespace Allometry.Core.Sample;

/// <summary>Which clean project stages a payer may get, so planted payer-level amounts stay exact.</summary>
internal enum CleanScope
{
    /// <summary>Any stage, open invoices included.</summary>
    Any,
    /// <summary>Only quotes and settled projects: the payer carries no clean open AR.</summary>
    NoOpenAr,
    /// <summary>Only settled projects (a predecessor entity that no longer trades).</summary>
    ClosedOnly,
}
