namespace Allometry.Core.Tests.Conversations;

using Allometry.Core.Conversations;
using Allometry.Core.Localization;

public sealed class ChatCommandParserTests
{
    [Theory]
    [InlineData("help", ChatCommandKind.Help, Language.En)]
    [InlineData("Aide", ChatCommandKind.Help, Language.Fr)]
    [InlineData("queue", ChatCommandKind.Queue, Language.En)]
    [InlineData("my queue", ChatCommandKind.Queue, Language.En)]
    [InlineData("Ma file", ChatCommandKind.Queue, Language.Fr)]
    [InlineData("summary", ChatCommandKind.Summary, Language.En)]
    [InlineData("sommaire", ChatCommandKind.Summary, Language.Fr)]
    [InlineData("Résumé hebdomadaire.", ChatCommandKind.Summary, Language.Fr)]
    [InlineData("unbind project", ChatCommandKind.UnbindProject, Language.En)]
    [InlineData("délier projet", ChatCommandKind.UnbindProject, Language.Fr)]
    public void Parse_SimpleCommand_KindAndLanguage(string text, ChatCommandKind kind, Language language)
    {
        // Act
        var command = ChatCommandParser.Parse(text);

        // Assert
        Assert.NotNull(command);
        Assert.Equal(kind, command.Kind);
        Assert.Equal(language, command.Language);
        Assert.Null(command.Error);
    }

    [Theory]
    [InlineData("what's owed on PRJ-1099?")]
    [InlineData("combien est dû sur le projet Érablière?")]
    [InlineData("top risks")]
    [InlineData("help me find the Laval balance")]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Question_IsNotACommand(string text)
    {
        Assert.Null(ChatCommandParser.Parse(text));
    }

    [Fact]
    public void Parse_SubscribeMorningWithTimeAndZone_ReadsBoth()
    {
        // Act
        var command = ChatCommandParser.Parse("subscribe morning 07:30 America/Vancouver");

        // Assert
        Assert.NotNull(command);
        Assert.Equal(ChatCommandKind.SubscribeMorning, command.Kind);
        Assert.Equal(new TimeOnly(7, 30), command.LocalTime);
        Assert.Equal("America/Vancouver", command.TimeZone);
        Assert.Null(command.Weekday);
        Assert.Null(command.Error);
    }

    [Fact]
    public void Parse_FrenchSubscribeWithQuebecTime_ReadsSevenThirty()
    {
        // Act
        var command = ChatCommandParser.Parse("abonner matin 7h30");

        // Assert
        Assert.NotNull(command);
        Assert.Equal(ChatCommandKind.SubscribeMorning, command.Kind);
        Assert.Equal(Language.Fr, command.Language);
        Assert.Equal(new TimeOnly(7, 30), command.LocalTime);
        Assert.Null(command.TimeZone);
    }

    [Fact]
    public void Parse_SubscribeAlone_MorningWithDefaults()
    {
        var command = ChatCommandParser.Parse("subscribe this channel to the morning digest");

        Assert.NotNull(command);
        Assert.Equal(ChatCommandKind.SubscribeMorning, command.Kind);
        Assert.Null(command.LocalTime);
        Assert.Null(command.Error);
    }

    [Theory]
    [InlineData("subscribe weekly monday 08:00", DayOfWeek.Monday, 8, 0)]
    [InlineData("s'abonner hebdo vendredi 16h", DayOfWeek.Friday, 16, 0)]
    [InlineData("abonner hebdomadaire jeudi 9:15", DayOfWeek.Thursday, 9, 15)]
    public void Parse_SubscribeWeekly_DayAndTime(string text, DayOfWeek day, int hour, int minute)
    {
        var command = ChatCommandParser.Parse(text);

        Assert.NotNull(command);
        Assert.Equal(ChatCommandKind.SubscribeWeekly, command.Kind);
        Assert.Equal(day, command.Weekday);
        Assert.Equal(new TimeOnly(hour, minute), command.LocalTime);
    }

    [Fact]
    public void Parse_SubscribeWeeklyNoDay_WeekdayLeftToTheDefault()
    {
        var command = ChatCommandParser.Parse("subscribe weekly");

        Assert.NotNull(command);
        Assert.Equal(ChatCommandKind.SubscribeWeekly, command.Kind);
        Assert.Null(command.Weekday);
        Assert.Null(command.LocalTime);
    }

    [Theory]
    [InlineData("subscribe morning 25:00", "25:00")]
    [InlineData("abonner matin tôt", "tôt")]
    public void Parse_SubscribeWithWordItCannotRead_ErrorNamesTheWordInBothLanguages(string text, string word)
    {
        var command = ChatCommandParser.Parse(text);

        Assert.NotNull(command);
        Assert.NotNull(command.Error);
        Assert.Contains($"“{word}”", command.Error.En, StringComparison.Ordinal);
        Assert.Contains($"« {word} »", command.Error.Fr, StringComparison.Ordinal);
        Assert.Contains("subscribe morning 07:30", command.Error.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unsubscribe", null)]
    [InlineData("unsubscribe weekly", true)]
    [InlineData("désabonner matin", false)]
    [InlineData("se désabonner", null)]
    public void Parse_Unsubscribe_WhichDigests(string text, bool? weekly)
    {
        var command = ChatCommandParser.Parse(text);

        Assert.NotNull(command);
        Assert.Equal(ChatCommandKind.Unsubscribe, command.Kind);
        Assert.Equal(weekly, command.Weekly);
        Assert.Null(command.Error);
    }

    [Theory]
    [InlineData("link marie.tremblay@borealis.example", "marie.tremblay@borealis.example", Language.En)]
    [InlineData("lier <mailto:marie.tremblay@borealis.example|marie.tremblay@borealis.example>", "marie.tremblay@borealis.example", Language.Fr)]
    public void Parse_LinkWithEmail_Email(string text, string email, Language language)
    {
        var command = ChatCommandParser.Parse(text);

        Assert.NotNull(command);
        Assert.Equal(ChatCommandKind.Link, command.Kind);
        Assert.Equal(email, command.Argument);
        Assert.Equal(language, command.Language);
        Assert.Null(command.Error);
    }

    [Fact]
    public void Parse_LinkWithoutEmail_ErrorShowsTheForm()
    {
        var command = ChatCommandParser.Parse("link me please");

        Assert.NotNull(command);
        Assert.Equal(ChatCommandKind.Link, command.Kind);
        Assert.NotNull(command.Error);
        Assert.Contains("link your.name@company.com", command.Error.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bind project PRJ-1099", "PRJ-1099", Language.En)]
    [InlineData("lier projet Ombrière solaire — Marché Laval", "Ombrière solaire — Marché Laval", Language.Fr)]
    [InlineData("lier le projet PRJ-1111", "PRJ-1111", Language.Fr)]
    [InlineData("bind this channel to project PRJ-7", "PRJ-7", Language.En)]
    public void Parse_BindProject_CodeOrName(string text, string project, Language language)
    {
        var command = ChatCommandParser.Parse(text);

        Assert.NotNull(command);
        Assert.Equal(ChatCommandKind.BindProject, command.Kind);
        Assert.Equal(project, command.Argument);
        Assert.Equal(language, command.Language);
    }

    [Fact]
    public void Parse_BindWithoutProject_Error()
    {
        var command = ChatCommandParser.Parse("bind project");

        Assert.NotNull(command);
        Assert.NotNull(command.Error);
        Assert.Contains("bind project PRJ-1099", command.Error.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("07:30", 7, 30)]
    [InlineData("7:05", 7, 5)]
    [InlineData("7h30", 7, 30)]
    [InlineData("19h", 19, 0)]
    public void ParseTime_Spellings_TheTime(string text, int hour, int minute)
    {
        Assert.Equal(new TimeOnly(hour, minute), ChatCommandParser.ParseTime(text));
    }

    [Theory]
    [InlineData("7")]
    [InlineData("24:00")]
    [InlineData("7:3")]
    [InlineData("h30")]
    [InlineData("07:60")]
    public void ParseTime_NotATime_Null(string text)
    {
        Assert.Null(ChatCommandParser.ParseTime(text));
    }
}
