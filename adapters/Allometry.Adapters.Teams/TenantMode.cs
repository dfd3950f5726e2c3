namespace Allometry.Adapters.Teams;

/// <summary>Which Entra authority issues the bot's outbound tokens.</summary>
internal enum TenantMode
{
    /// <summary>A multi-tenant bot: tokens come from the <c>botframework.com</c> tenant.</summary>
    Multi,

    /// <summary>A single-tenant bot: tokens come from the bot's own tenant (<see cref="TeamsOptions.TenantId"/>).</summary>
    Single,
}
