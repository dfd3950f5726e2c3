namespace Allometry.Core.Scoring;

/// <summary>A finding of the rule engine that raised a structural flag (F7) for a payer.</summary>
/// <param name="Flag">Which F7 flag it raises.</param>
/// <param name="RuleId">The rule that found it.</param>
/// <param name="Fingerprint">The finding's fingerprint (rule + subject), which names its exception.</param>
public sealed record StructuralFact(StructuralFlag Flag, string RuleId, string Fingerprint);
