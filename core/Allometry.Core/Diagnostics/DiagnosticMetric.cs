namespace Allometry.Core.Diagnostics;

using Allometry.Core.Localization;

/// <summary>
/// One collection metric: its value when the input supports it, else the reason it does not
/// (never a guess).
/// </summary>
/// <param name="Id">Stable id: <c>dso</c>, <c>bestPossibleDso</c>, <c>averageDaysDelinquent</c>, <c>cei</c>.</param>
/// <param name="Name">What a person calls it.</param>
/// <param name="Unit">Days or percent.</param>
/// <param name="Value">Rounded to two decimals (half away from zero); null when not computable.</param>
/// <param name="Formula">The formula, in words.</param>
/// <param name="UnavailableReason">Why <paramref name="Value"/> is null; null when it is not.</param>
public sealed record DiagnosticMetric(
    string Id,
    LocalizedText Name,
    MetricUnit Unit,
    decimal? Value,
    LocalizedText Formula,
    LocalizedText? UnavailableReason)
{
    public bool IsAvailable => Value is not null;
}
