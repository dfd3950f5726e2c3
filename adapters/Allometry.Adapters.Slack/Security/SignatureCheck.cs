namespace Allometry.Adapters.Slack.Security;

/// <summary>The outcome of checking a request's signature; anything but <see cref="Valid"/> is a 401.</summary>
internal enum SignatureCheck
{
    Valid,
    NoSecret,
    MissingTimestamp,
    MalformedTimestamp,
    StaleTimestamp,
    MissingSignature,
    BadSignature,
}
