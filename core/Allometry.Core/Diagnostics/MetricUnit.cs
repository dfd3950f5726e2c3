namespace Allometry.Core.Diagnostics;

/// <summary>What a metric's value counts.</summary>
public enum MetricUnit { Days, Percent }
