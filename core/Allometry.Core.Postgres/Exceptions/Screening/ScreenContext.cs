namespace Allometry.Core.Postgres.Exceptions.Screening;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;

/// <summary>What a screen may depend on: the same inputs the rules get, minus the ledger.</summary>
/// <param name="TenantId">The tenant (every statement filters on it).</param>
/// <param name="AsOf">The evaluation date.</param>
/// <param name="Settings">The tenant's thresholds and switches (the rules read the same values).</param>
/// <param name="SellerPstRegistrations">Where the seller charges PST/RST: the settings' and the ledger meta's together (TaxReviewer.SellerPstRegistrations).</param>
public sealed record ScreenContext(string TenantId, DateOnly AsOf, RuleSettings Settings, IReadOnlySet<Province> SellerPstRegistrations);
