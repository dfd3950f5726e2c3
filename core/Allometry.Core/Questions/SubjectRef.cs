namespace Allometry.Core.Questions;

/// <summary>A project or payer a question's name resolved to.</summary>
/// <param name="Kind">Project or payer.</param>
/// <param name="Id">Its ledger id (PRJ-1111, P-014).</param>
/// <param name="Name">Its name as the ledger writes it.</param>
/// <param name="PmEmail">For a project, its project manager's email; null otherwise.</param>
public sealed record SubjectRef(SubjectKind Kind, string Id, string Name, string? PmEmail = null)
{
    /// <summary>"Ombrière solaire — Marché Laval (PRJ-1111)".</summary>
    public string Label => $"{Name} ({Id})";
}
