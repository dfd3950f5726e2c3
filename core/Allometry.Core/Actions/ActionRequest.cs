namespace Allometry.Core.Actions;

/// <summary>
/// One action as delivered by a channel. <see cref="IdempotencyKey"/> identifies the delivery (a
/// retried webhook or a double click carries the same key): the action changes state once and is
/// audited once. <see cref="ExpectedVersion"/> is the exception version the card showed; a newer
/// version makes the action stale instead of overwriting someone else's change.
/// </summary>
public sealed record ActionRequest
{
    public required string TenantId { get; init; }
    public required ActionVerb Verb { get; init; }
    public required Actor Actor { get; init; }
    public required string IdempotencyKey { get; init; }
    public long? ExceptionId { get; init; }
    public int? ExpectedVersion { get; init; }
    public ActionArguments Arguments { get; init; } = ActionArguments.None;
    public MessageReference? Message { get; init; }
}
