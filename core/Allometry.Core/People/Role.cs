namespace Allometry.Core.People;

/// <summary>What a person does for a tenant; decides what they may see and do (<see cref="Actions.PermissionMatrix"/>).</summary>
public enum Role
{
    /// <summary>Read-only: can ask questions, cannot act.</summary>
    Viewer,
    /// <summary>Sees their own projects (unless the tenant opens all projects to PMs), asks, adds notes.</summary>
    ProjectManager,
    /// <summary>Works the exception queue: snooze, escalate, re-route, assign, promises, notes.</summary>
    Coordinator,
    /// <summary>The controller: everything a coordinator does, plus money-moving actions (retainage release).</summary>
    Finance,
    /// <summary>Receives the weekly summary; may act like finance, and is the top of the escalation chain.</summary>
    Executive,
}
