namespace Allometry.Core.Questions;

using Allometry.Core.Localization;

/// <summary>A question as understood: its intent, language and the subject it names.</summary>
/// <param name="Intent">What is asked.</param>
/// <param name="Language">The language it was asked in (the answer's language).</param>
/// <param name="Subject">The name words left once the question's own words are removed, lower-case without accents; null when none.</param>
/// <param name="Code">An id-like token ("prj-1111", "p-014", "mr-104") found in the question, lower-case; null when none.</param>
/// <param name="Hint">Whether the wording says the subject is a project or a payer.</param>
/// <param name="Days">The horizon for renewals ("in 30 days"); null when not said.</param>
public sealed record ParsedQuestion(
    QuestionIntent Intent,
    Language Language,
    string? Subject,
    string? Code,
    SubjectHint Hint,
    int? Days)
{
    /// <summary>Whether the question names anything at all.</summary>
    public bool HasSubject => Subject is not null || Code is not null;

    /// <summary>Whether the intent is about one project, payer or group (needs a subject).</summary>
    public bool NeedsSubject => Intent is QuestionIntent.Owed or QuestionIntent.GroupExposure
        or QuestionIntent.Retainage or QuestionIntent.Deposit;
}
