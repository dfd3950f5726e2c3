namespace Allometry.Core.Postgres.Tests.Conversations;

using Allometry.Core.People;

/// <summary>A platform directory (the port Graph and Slack's users.info implement) that knows some chat users' verified emails.</summary>
internal sealed class DirectoryFake(Platform platform, params (string UserId, string Email)[] people) : IDirectory
{
    private int _calls;

    public int Calls => _calls;

    public Platform Platform => platform;

    public Task<DirectoryUser?> FindUserAsync(PlatformIdentity identity, CancellationToken ct)
    {
        Interlocked.Increment(ref _calls);
        var known = people.FirstOrDefault(p => p.UserId == identity.UserId);
        return Task.FromResult(known.Email is null ? null : new DirectoryUser(known.Email, "Newcomer", "en-CA"));
    }

    public Task<string?> FindManagerEmailAsync(PlatformIdentity identity, CancellationToken ct) => Task.FromResult<string?>(null);
}
