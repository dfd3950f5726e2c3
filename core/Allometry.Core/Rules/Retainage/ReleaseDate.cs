namespace Allometry.Core.Rules.Retainage;

/// <summary>The day an amount of retainage becomes due for release, and why.</summary>
/// <param name="On">The release date: like an invoice's due date, the release is late from the next day.</param>
/// <param name="Basis">What sets the date.</param>
/// <param name="Anchor">The event it counts from: the CSP, the anniversary, réception, the final invoice (the date itself when recorded).</param>
internal readonly record struct ReleaseDate(DateOnly On, ReleaseBasis Basis, DateOnly Anchor)
{
    /// <summary>True once the release date is behind <paramref name="asOf"/>; on the day itself it is not late yet.</summary>
    public bool PassedBy(DateOnly asOf) => On < asOf;
}
