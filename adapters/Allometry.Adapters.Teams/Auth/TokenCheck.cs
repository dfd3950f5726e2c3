namespace Allometry.Adapters.Teams.Auth;

/// <summary>
/// The outcome of checking a bearer token. <see cref="Reason"/> is for the log only (it never holds the token),
/// and a passed check still has to be matched with the activity (<see cref="BotTokenValidator.MatchesActivity"/>).
/// </summary>
internal sealed record TokenCheck(bool Passed, string Reason, JwtToken? Token, SigningKey? Key)
{
    public static TokenCheck Fail(string reason) => new(false, reason, null, null);

    public static TokenCheck Pass(JwtToken token, SigningKey key) => new(true, "", token, key);
}
