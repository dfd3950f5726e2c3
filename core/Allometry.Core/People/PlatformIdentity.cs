namespace Allometry.Core.People;

/// <summary>
/// Who a chat user is on one platform: a Slack user in a workspace (<c>U…</c> in <c>T…</c>), a
/// Teams user by AAD object id in an Entra tenant, a web-chat user id. The pair
/// (<see cref="Platform"/>, <see cref="Realm"/>, <see cref="UserId"/>) is unique.
/// </summary>
/// <param name="Platform">Teams, Slack, web chat or the command line.</param>
/// <param name="Realm">The Slack team id, the Teams (Entra) tenant id, or "local".</param>
/// <param name="UserId">The platform's stable user id (Slack user id, AAD object id, web-chat id, email for the CLI).</param>
public sealed record PlatformIdentity(Platform Platform, string Realm, string UserId)
{
    public override string ToString() => $"{Platform}:{Realm}:{UserId}";
}
