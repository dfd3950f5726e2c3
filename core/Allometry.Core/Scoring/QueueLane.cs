namespace Allometry.Core.Scoring;

/// <summary>Which list of the collections queue an item is in.</summary>
public enum QueueLane
{
    /// <summary>Money to chase.</summary>
    Collect,
    /// <summary>Money the payer disputes: resolved, not chased.</summary>
    Disputes,
}
