namespace Allometry.Core.Rules.Collections;

/// <summary>Why an open invoice is exposed by a payer change.</summary>
internal enum PayerChangeReason
{
    /// <summary>Billed to the right entity at the time; the liability has moved since.</summary>
    LeftOnOldEntity,
    /// <summary>Billed to an entity that did not hold the contract on the issue date.</summary>
    BilledToOther,
    /// <summary>Billed to today's holder before it took over (the transfer came after the invoice).</summary>
    BilledBeforeTransfer,
    /// <summary>The invoice is on a project a third party keeps paying for.</summary>
    ThirdPartyPayer,
}
