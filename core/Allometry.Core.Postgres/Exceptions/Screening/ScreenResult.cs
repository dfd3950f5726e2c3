namespace Allometry.Core.Postgres.Exceptions.Screening;

/// <summary>A screen's candidates.</summary>
/// <param name="ProjectIds">Projects to load whole (the project slice every item-level rule of a project needs).</param>
/// <param name="InvoiceIds">Invoices without a known project to load with their payer, applications and payments.</param>
public sealed record ScreenResult(IReadOnlyCollection<string> ProjectIds, IReadOnlyCollection<string> InvoiceIds)
{
    /// <summary>No candidates.</summary>
    public static ScreenResult None { get; } = new([], []);

    /// <summary>
    /// Projects to load for their deposits only: the project row, deliveries, quotes and deposit
    /// invoices with everything paid to them, which is all the deposit gate reads of a project.
    /// Their other invoices and holds are not read, so only the screen's rules speak for them.
    /// </summary>
    public IReadOnlyCollection<string> DepositProjectIds { get; init; } = [];

    /// <summary>Every project named, whole or for its deposits.</summary>
    public IEnumerable<string> NamedProjectIds => ProjectIds.Concat(DepositProjectIds);

    /// <summary>Projects only.</summary>
    public static ScreenResult OfProjects(IReadOnlyCollection<string> projectIds) => new(projectIds, []);
}
