namespace Allometry.Core.Ledger;

using Allometry.Core.Localization;

/// <summary>The <c>meta</c> sheet: facts about the whole ledger.</summary>
public sealed record LedgerMeta
{
    /// <summary>The date the ledger describes; every aging and rule is computed as of it.</summary>
    public required DateOnly AsOf { get; init; }
    public string? Tenant { get; init; }
    /// <value>Defaults to CAD.</value>
    public string Currency { get; init; } = "CAD";
    public Province? SellerProvince { get; init; }
    public string? SellerGstHstNumber { get; init; }
    public string? SellerQstNumber { get; init; }
    public IReadOnlyList<Province> SellerPstRegistrations { get; init; } = [];
    /// <summary>An explicit date format (e.g. <c>dd/MM/yyyy</c>) that resolves otherwise ambiguous dates.</summary>
    public string? DateFormat { get; init; }
    public Language Language { get; init; } = Language.En;
}
