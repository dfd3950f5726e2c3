namespace Allometry.Core.Scoring;

using Allometry.Core.Localization;

/// <summary>One factor of a <see cref="RiskScore"/>: what it scored, out of what, from which numbers and why.</summary>
/// <param name="Id">"F1" … "F7", as domain.md §3 numbers them.</param>
/// <param name="Kind">The factor.</param>
/// <param name="Name">The factor's name on a card.</param>
/// <param name="Points">Points scored, rounded to the cent of a point (half away from zero).</param>
/// <param name="Max">The most the factor can score under the weights used.</param>
/// <param name="Inputs">The numbers that produced the points ("DBT 84 days").</param>
/// <param name="Explanation">How the points follow from the inputs.</param>
public sealed record RiskFactor(string Id, RiskFactorKind Kind, LocalizedText Name, decimal Points, decimal Max, LocalizedText Inputs, LocalizedText Explanation);
