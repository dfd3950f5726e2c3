namespace Allometry.Core.Rules;

/// <summary>How urgent a finding is; ordered so comparisons read naturally (High &gt; Medium).</summary>
public enum Severity { Info, Low, Medium, High, Critical }
