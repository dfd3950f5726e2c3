namespace Allometry.Core.Questions;

/// <summary>What kind of thing the question's subject names, when its wording says so.</summary>
public enum SubjectHint
{
    /// <summary>A project, a site or a payer: the name decides.</summary>
    Any,
    /// <summary>"project", "projet", "site", "chantier".</summary>
    Project,
    /// <summary>"payer", "client", "customer", "what does X owe".</summary>
    Payer,
}
