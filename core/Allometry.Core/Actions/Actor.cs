namespace Allometry.Core.Actions;

using Allometry.Core.People;

/// <summary>Who acts: the internal user and the platform identity they acted through (both are audited).</summary>
public sealed record Actor(InternalUser User, PlatformIdentity Identity);
