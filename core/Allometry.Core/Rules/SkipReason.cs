namespace Allometry.Core.Rules;

/// <summary>Why a rule did not run.</summary>
public enum SkipReason { Disabled, MissingData }
