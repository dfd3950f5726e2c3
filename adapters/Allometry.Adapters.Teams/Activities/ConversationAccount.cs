namespace Allometry.Adapters.Teams.Activities;

/// <summary>The conversation: <c>personal</c>, <c>groupChat</c> or <c>channel</c> (a thread id ends in <c>;messageid=…</c>).</summary>
internal sealed record ConversationAccount
{
    public string? Id { get; init; }
    public string? ConversationType { get; init; }
    public bool? IsGroup { get; init; }
    public string? TenantId { get; init; }
}
