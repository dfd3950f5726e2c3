namespace Allometry.Core.Rules.Deposits;

/// <summary>A credit of a project not yet used: a credit note's balance or a payment's unapplied rest.</summary>
internal sealed record UnusedCredit(SubjectKind Kind, string Id, string PayerId, string ProjectId, DateOnly Date, decimal Amount);
