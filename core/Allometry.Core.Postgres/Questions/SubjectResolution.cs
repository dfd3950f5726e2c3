namespace Allometry.Core.Postgres.Questions;

using Allometry.Core.Questions;

/// <summary>What a name resolved to: one subject, several equally good candidates, or nothing.</summary>
/// <param name="Candidates">Best first; exactly one when resolved.</param>
public sealed record SubjectResolution(IReadOnlyList<SubjectRef> Candidates)
{
    /// <summary>The one subject, when the name was not ambiguous.</summary>
    public SubjectRef? Resolved => Candidates.Count == 1 ? Candidates[0] : null;

    /// <summary>Whether several candidates fit equally well.</summary>
    public bool IsAmbiguous => Candidates.Count > 1;
}
