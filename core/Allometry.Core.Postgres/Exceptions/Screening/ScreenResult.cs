namespace Allometry.Core.Postgres.Exceptions.Screening;

/// <summary>A screen's candidates.</summary>
/// <param name="ProjectIds">Projects to load whole (the project slice every item-level rule of a project needs).</param>
/// <param name="InvoiceIds">Invoices without a known project to load with their payer, applications and payments.</param>
public sealed record ScreenResult(IReadOnlyCollection<string> ProjectIds, IReadOnlyCollection<string> InvoiceIds)
{
    /// <summary>No candidates.</summary>
    public static ScreenResult None { get; } = new([], []);

    /// <summary>Projects only.</summary>
    public static ScreenResult OfProjects(IReadOnlyCollection<string> projectIds) => new(projectIds, []);
}
