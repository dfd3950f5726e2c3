namespace Allometry.Core.Ledger;

/// <summary>An annual service contract that renews (the <c>service_contracts</c> sheet).</summary>
public sealed record ServiceContract
{
    public required string ContractId { get; init; }
    public required string PayerId { get; init; }
    public string? ProjectId { get; init; }
    public required decimal AnnualFee { get; init; }
    public required DateOnly RenewalDate { get; init; }
    public bool? ServiceActive { get; init; }
    public string? LastRenewalInvoiceId { get; init; }
    public RowRef Source { get; init; } = RowRef.None;
}
