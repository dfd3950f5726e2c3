namespace Allometry.Core.Diagnostics;

/// <summary>Whether a rule ran.</summary>
public enum RuleRunStatus
{
    Ran,
    /// <summary>A sheet it needs was not in the input.</summary>
    MissingData,
    /// <summary>Switched off for the tenant.</summary>
    Disabled,
}
