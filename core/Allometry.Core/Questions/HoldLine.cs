namespace Allometry.Core.Questions;

/// <summary>A retainage hold not yet released: part of a "retainage on X" answer.</summary>
/// <param name="ProjectId">The project it is held on.</param>
/// <param name="InvoiceId">The invoice it was held from; null for a project-level hold.</param>
/// <param name="HeldAmount">The amount held.</param>
/// <param name="ReleaseDueOn">When it becomes releasable, when known.</param>
public sealed record HoldLine(string ProjectId, string? InvoiceId, decimal HeldAmount, DateOnly? ReleaseDueOn);
