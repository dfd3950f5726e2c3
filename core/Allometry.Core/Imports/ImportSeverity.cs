namespace Allometry.Core.Imports;

/// <summary>An error stops the whole import; a warning is reported and the import goes on.</summary>
public enum ImportSeverity { Error, Warning }
