namespace Allometry.Core.Scoring;

/// <summary>The seven factors of the risk score (domain.md §3), in the order F1–F7.</summary>
public enum RiskFactorKind
{
    /// <summary>F1: oldest days beyond terms.</summary>
    OldestBeyondTerms,
    /// <summary>F2: amount-weighted average days late over 12 months.</summary>
    PaymentHistory,
    /// <summary>F3: the last 3 months against the 12-month average.</summary>
    Trend,
    /// <summary>F4: broken promises in the last 180 days.</summary>
    BrokenPromises,
    /// <summary>F5: open AR against the credit limit.</summary>
    Exposure,
    /// <summary>F6: unresolved short pay and open dispute.</summary>
    ShortPayOrDispute,
    /// <summary>F7: payer change or linked exposure, deposit gate, retainage past release.</summary>
    Structural,
}
