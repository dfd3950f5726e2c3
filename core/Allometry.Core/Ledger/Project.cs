namespace Allometry.Core.Ledger;

/// <summary>A project or site (the <c>projects</c> sheet).</summary>
public sealed record Project
{
    public required string ProjectId { get; init; }
    public required string Name { get; init; }
    public required Province SiteProvince { get; init; }
    public string? SiteCity { get; init; }
    public string? PmEmail { get; init; }
    public required string ContractPayerId { get; init; }
    /// <summary>Who pays now, when it differs from the contract payer.</summary>
    public string? CurrentPayerId { get; init; }
    public SupplyType? SupplyType { get; init; }
    /// <summary>Deposit required, as a percentage (50 means 50 %).</summary>
    public decimal? DepositPct { get; init; }
    /// <summary>Retainage held, as a percentage (10 means 10 %).</summary>
    public decimal? RetainagePct { get; init; }
    public ReleaseRule? ReleaseRule { get; init; }
    public int? ReleaseDays { get; init; }
    public DateOnly? ContractDate { get; init; }
    /// <summary>Ontario: the date the Certificate of Substantial Performance was published.</summary>
    public DateOnly? CspPublishedOn { get; init; }
    /// <summary>Quebec: réception des travaux.</summary>
    public DateOnly? ReceptionOn { get; init; }
    /// <summary>Quebec: fin des travaux (starts the 30-day legal hypothec window).</summary>
    public DateOnly? FinTravauxOn { get; init; }
    public DateOnly? CompletedOn { get; init; }
    public ProjectStatus? Status { get; init; }
    public RowRef Source { get; init; } = RowRef.None;
}
