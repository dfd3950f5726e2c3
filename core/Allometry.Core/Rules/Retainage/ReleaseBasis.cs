namespace Allometry.Core.Rules.Retainage;

/// <summary>What makes an amount of retainage releasable on its date.</summary>
internal enum ReleaseBasis
{
    /// <summary>The date the <c>retainage</c> sheet records (<c>release_due_on</c>).</summary>
    Recorded,
    /// <summary>Ontario: the lien period after the published Certificate of Substantial Performance.</summary>
    Csp,
    /// <summary>Ontario: the statutory annual release at a contract anniversary (since 2026).</summary>
    StatutoryAnnual,
    /// <summary>The contract's own annual release (<c>release_rule = on_annual</c>).</summary>
    ContractAnnual,
    /// <summary>Quebec: réception des travaux plus the contract's days.</summary>
    Reception,
    /// <summary>The final invoice plus the contract's days (<c>release_rule = days_after_final</c>).</summary>
    AfterFinal,
}
