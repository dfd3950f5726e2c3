namespace Allometry.Core.Questions;

/// <summary>What a resolved name turned out to be.</summary>
public enum SubjectKind { Project, Payer }
