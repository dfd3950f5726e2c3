namespace Allometry.Core.Tests.Questions;

using Allometry.Core.Localization;
using Allometry.Core.Questions;

public sealed class IntentRecognizerTests
{
    [Theory]
    [InlineData("balance MR-104", QuestionIntent.Owed, Language.En, null, "mr-104")]
    [InlineData("combien est dû sur le projet Érablière?", QuestionIntent.Owed, Language.Fr, "erabliere", null)]
    [InlineData("retenue Laval", QuestionIntent.Retainage, Language.Fr, "laval", null)]
    [InlineData("who owes us the most", QuestionIntent.TopDebtors, Language.En, null, null)]
    [InlineData("qui nous doit le plus", QuestionIntent.TopDebtors, Language.Fr, null, null)]
    [InlineData("dépôt reçu pour Lévis?", QuestionIntent.Deposit, Language.Fr, "levis", null)]
    [InlineData("<at>Allometry</at> what's owed on Dépôt Lévis?", QuestionIntent.Owed, Language.En, "depot levis", null)]
    [InlineData("<@U012AB3CD> EXPOSURE for group Northwind!!", QuestionIntent.GroupExposure, Language.En, "northwind", null)]
    [InlineData("Is the deposit in for Laval depot?", QuestionIntent.Deposit, Language.En, "laval", null)]
    [InlineData("renouvellements dans 45 jours", QuestionIntent.RenewalsDue, Language.Fr, null, null)]
    [InlineData("quoi de neuf depuis hier", QuestionIntent.ChangedSinceYesterday, Language.Fr, null, null)]
    [InlineData("", QuestionIntent.Help, Language.En, null, null)]
    public void Recognize_Phrasing_IntentLanguageSubject(string text, QuestionIntent intent, Language language, string? subject, string? code)
    {
        var parsed = IntentRecognizer.Recognize(text);

        Assert.Equal(intent, parsed.Intent);
        Assert.Equal(language, parsed.Language);
        Assert.Equal(subject, parsed.Subject);
        Assert.Equal(code, parsed.Code);
    }

    [Theory]
    [InlineData("renewals due in 30 days", 30)]
    [InlineData("renouvellements dans les 90 prochains jours", 90)]
    [InlineData("renewals this month", 30)]
    [InlineData("upcoming renewals", null)]
    public void Recognize_RenewalHorizon_Days(string text, int? days)
    {
        Assert.Equal(days, IntentRecognizer.Recognize(text).Days);
    }

    [Theory]
    [InlineData("what does Maple Ridge owe?", SubjectHint.Payer)]
    [InlineData("what's owed on project Maple Ridge?", SubjectHint.Project)]
    [InlineData("balance Maple Ridge", SubjectHint.Any)]
    public void Recognize_Wording_SubjectHint(string text, SubjectHint hint)
    {
        Assert.Equal(hint, IntentRecognizer.Recognize(text).Hint);
    }

    [Fact]
    public void Normalize_MentionsAccentsPunctuation_PlainWords()
    {
        var normalized = QuestionNormalizer.Normalize("<at>Allometry</at>&nbsp;Combien est DÛ sur « PRJ-1111 »?!");

        Assert.Equal("combien est du sur prj-1111", normalized);
    }

    [Fact]
    public void Detect_SiteNameOnlyAccents_KeepsFallback()
    {
        Assert.Equal(Language.En, LanguageDetector.Detect(QuestionNormalizer.Normalize("Dépôt Lévis"), Language.En));
    }
}
