namespace Allometry.Core.Rules.Deposits;

/// <summary>Which way a project strays from its quote.</summary>
internal enum Variance { Leakage, OverBilled, Drift }
