namespace Allometry.Core.Postgres.Actions;

using Allometry.Core.Actions;
using Allometry.Core.People;
using Allometry.Core.Postgres.Tenancy;

/// <summary>One action being applied: the scope, the request, the locked exception, the actor's role and the clock.</summary>
internal sealed record ActionContext(
    TenantScope Scope, ActionRequest Request, LockedException Exception, Role Role, PermissionSettings Settings, DateTimeOffset Now, DateOnly Today)
{
    public string Tenant => Request.TenantId;

    public string ActorCode => "user:" + Request.Actor.User.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
