namespace Allometry.Core.Cards;

/// <summary>One factor of the risk score as a card shows it: "F2 Payment history 14/20 — avg 52 days late".</summary>
public sealed record ScoreFactorView(string Id, string Name, decimal Points, decimal Max, string Explanation);
