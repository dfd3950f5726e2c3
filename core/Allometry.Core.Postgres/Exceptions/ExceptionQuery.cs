namespace Allometry.Core.Postgres.Exceptions;

using Allometry.Core.Exceptions;
using Allometry.Core.Rules;

/// <summary>Which exceptions <see cref="ExceptionStore.ListAsync"/> returns: worst first (severity, then money at risk).</summary>
public sealed record ExceptionQuery
{
    /// <value>Open only; null for every status.</value>
    public ExceptionStatus? Status { get; init; } = ExceptionStatus.Open;
    /// <value>Info: every severity.</value>
    public Severity MinSeverity { get; init; } = Severity.Info;
    public string? ProjectId { get; init; }
    public string? PayerId { get; init; }
    /// <value>50.</value>
    public int Top { get; init; } = 50;
}
