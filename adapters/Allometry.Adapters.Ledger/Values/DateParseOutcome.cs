namespace Allometry.Adapters.Ledger.Values;

/// <summary>What <see cref="DateParser"/> made of a text.</summary>
internal enum DateParseStatus { Parsed, Invalid, Ambiguous }

/// <summary>A parsed date, or why there is none. Ambiguous carries both readings.</summary>
internal readonly record struct DateParseOutcome(DateParseStatus Status, DateOnly Value, DateOnly Alternative)
{
    public static DateParseOutcome Invalid => new(DateParseStatus.Invalid, default, default);
    public static DateParseOutcome Of(DateOnly d) => new(DateParseStatus.Parsed, d, default);
    public static DateParseOutcome Both(DateOnly a, DateOnly b) => new(DateParseStatus.Ambiguous, a, b);
}
