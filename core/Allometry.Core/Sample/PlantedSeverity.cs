namespace Allometry.Core.Sample;

/// <summary>The severity a rule of domain.md §4 is expected to give a planted case.</summary>
public enum PlantedSeverity
{
    /// <summary>Reported apart, no action (e.g. RetainageAgedMisclassified).</summary>
    Info,
    Medium,
    High,
    Critical,
}
