namespace Allometry.Core.Localization;

/// <summary>The languages every person-facing text exists in.</summary>
public enum Language { En, Fr }
