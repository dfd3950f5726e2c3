namespace Allometry.Core.Scoring;

using System.Text.Json.Serialization;

/// <summary>The structural risks of F7, each raised by the rule engine's findings for the payer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StructuralFlag>))]
public enum StructuralFlag
{
    /// <summary>PayerChangeExposure or LinkedGroupOverLimit.</summary>
    PayerChangeOrLinkedExposure,
    /// <summary>DepositGateUnpaid.</summary>
    DepositGateBreached,
    /// <summary>HoldbackReleaseDue or RetenueReleaseDue.</summary>
    RetainagePastRelease,
}
