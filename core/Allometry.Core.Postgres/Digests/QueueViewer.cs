namespace Allometry.Core.Postgres.Digests;

using Allometry.Core.Localization;
using Allometry.Core.People;

/// <summary>A person reading the queue: who they are in the tenant (email, name, role) and their language.</summary>
public sealed record QueueViewer(string Email, string Name, Role Role, Language Language);
