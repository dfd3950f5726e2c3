namespace Allometry.Core.Questions;

using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Localization;

/// <summary>The short answers: help, not understood, not found, refused, and "which one did you mean?".</summary>
public static class NoticeBuilder
{
    /// <summary>What can be asked, with examples in the asker's language.</summary>
    public static NoticeCard Help(Language language) => new()
    {
        Language = language,
        Kind = NoticeKind.Information,
        Title = QuestionTexts.HelpTitle.For(language),
        Text = QuestionTexts.HelpBody.For(language),
        FallbackText = QuestionTexts.HelpTitle.For(language),
    };

    /// <summary>A question that was not understood: says so, then lists what can be asked.</summary>
    public static NoticeCard Unknown(Language language) => new()
    {
        Language = language,
        Kind = NoticeKind.Information,
        Title = QuestionTexts.UnknownTitle.For(language),
        Text = $"{QuestionTexts.HelpTitle.For(language)}:\n{QuestionTexts.HelpBody.For(language)}",
        FallbackText = QuestionTexts.UnknownTitle.For(language),
    };

    /// <summary>A question that needs a project or payer and named none.</summary>
    public static NoticeCard NeedSubject(Language language) => new()
    {
        Language = language,
        Kind = NoticeKind.Information,
        Title = QuestionTexts.NeedSubject.For(language),
        Text = QuestionTexts.HelpBody.For(language),
        FallbackText = QuestionTexts.NeedSubject.For(language),
    };

    /// <summary>A name that matched nothing the asker's tenant holds.</summary>
    public static NoticeCard NotFound(string subject, Language language) => new()
    {
        Language = language,
        Kind = NoticeKind.Warning,
        Title = QuestionTexts.NotFound(subject).For(language),
        Text = QuestionTexts.HelpBody.For(language),
        FallbackText = QuestionTexts.NotFound(subject).For(language),
    };

    /// <summary>A project manager asking about another manager's project: polite, and without the figure.</summary>
    public static NoticeCard Refused(SubjectRef project, Language language) => new()
    {
        Language = language,
        Kind = NoticeKind.Warning,
        Title = QuestionTexts.RefusedTitle.For(language),
        Text = QuestionTexts.Refused(project.Label).For(language),
        FallbackText = QuestionTexts.RefusedTitle.For(language),
    };

    /// <summary>An asker with no role in the tenant.</summary>
    public static NoticeCard NotMember(Language language) => new()
    {
        Language = language,
        Kind = NoticeKind.Warning,
        Title = QuestionTexts.NotMemberTitle.For(language),
        Text = QuestionTexts.NotMember.For(language),
        FallbackText = QuestionTexts.NotMemberTitle.For(language),
    };

    /// <summary>
    /// Several names fit: one choice per candidate, each the same question resolved to it
    /// (<see cref="ActionVerb.Ask"/> with <c>question</c> and <c>subject</c> = the candidate's id).
    /// </summary>
    public static ChoiceListCard Choices(string question, IReadOnlyList<SubjectRef> candidates, Language language) => new()
    {
        Language = language,
        Prompt = QuestionTexts.ChoicePrompt.For(language),
        Choices = [.. candidates.Select(c => new CardAction
        {
            Verb = ActionVerb.Ask,
            Title = c.Label,
            Data = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["question"] = question,
                ["subject"] = c.Id,
                ["kind"] = c.Kind == SubjectKind.Project ? "project" : "payer",
            },
        })],
        FallbackText = $"{QuestionTexts.ChoicePrompt.For(language)} {string.Join(" · ", candidates.Select(c => c.Label))}",
    };
}
