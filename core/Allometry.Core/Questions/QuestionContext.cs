namespace Allometry.Core.Questions;

using Allometry.Core.Actions;
using Allometry.Core.Localization;

/// <summary>Where a question was asked: the channel's language and bound project, the tenant's permission settings.</summary>
public sealed record QuestionContext
{
    /// <summary>The language to answer in; null to detect it from the question (falling back to the asker's).</summary>
    public Language? Language { get; init; }

    /// <summary>The project the channel is bound to; "what's owed?" with no name means this project.</summary>
    public string? ChannelProjectId { get; init; }

    /// <summary>
    /// The project or payer id picked from a "which one did you mean?" card (its choice's
    /// <c>subject</c>); it replaces name resolution.
    /// </summary>
    public string? ChosenSubjectId { get; init; }

    /// <summary>The tenant's permission settings (whether project managers see every project).</summary>
    /// <value><see cref="PermissionSettings.Default"/></value>
    public PermissionSettings Permissions { get; init; } = PermissionSettings.Default;

    /// <summary>A context with nothing bound and the default settings.</summary>
    public static QuestionContext Default { get; } = new();
}
