namespace Allometry.Core.Diagnostics;

/// <summary>One payer of an exposure group and its open balance.</summary>
public sealed record ExposureMember(string PayerId, string Name, decimal OpenAr);
