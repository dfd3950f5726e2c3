namespace Allometry.Core.Postgres.Settings;

/// <summary>What a tenant setting holds, which decides how its text is read and shown.</summary>
public enum TenantSettingKind
{
    /// <summary>A non-negative decimal written with a dot: <c>2.50</c>.</summary>
    Decimal,

    /// <summary>A non-negative whole number: <c>45</c>.</summary>
    Integer,

    /// <summary>A date, <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary><c>true</c> or <c>false</c> (also yes/no, oui/non).</summary>
    Boolean,

    /// <summary>Rule ids separated by commas (each a rule the engine knows); empty for none.</summary>
    RuleIds,

    /// <summary><c>payer=amount</c> pairs separated by commas: <c>P-ROOT=250000,P-12=5000</c>; empty for none.</summary>
    CreditLimits,
}
