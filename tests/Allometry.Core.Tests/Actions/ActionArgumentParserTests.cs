namespace Allometry.Core.Tests.Actions;

using Allometry.Core.Actions;

public sealed class ActionArgumentParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static ParsedArguments Parse(ActionVerb verb, params (string Key, string Value)[] data) =>
        ActionArgumentParser.Parse(verb, data.ToDictionary(d => d.Key, d => (string?)d.Value), Today);

    [Theory]
    [InlineData("1")]
    [InlineData("3")]
    [InlineData("7")]
    [InlineData("14")]
    public void Parse_SnoozePreset_EndsThatManyDaysLater(string days)
    {
        // Act
        var parsed = Parse(ActionVerb.Snooze, ("days", days), ("reason", "owner away"));

        // Assert
        Assert.True(parsed.IsValid);
        Assert.Equal(Today.AddDays(int.Parse(days, System.Globalization.CultureInfo.InvariantCulture)), ActionArgumentParser.SnoozeEnd(parsed.Arguments!, Today));
        Assert.Equal("owner away", parsed.Arguments!.Reason);
    }

    [Fact]
    public void Parse_SnoozeOfFiveDays_InvalidInBothLanguages()
    {
        // Act
        var parsed = Parse(ActionVerb.Snooze, ("days", "5"));

        // Assert
        Assert.False(parsed.IsValid);
        Assert.Contains("1, 3, 7 or 14", parsed.Error!.En, StringComparison.Ordinal);
        Assert.Contains("1, 3, 7 ou 14", parsed.Error.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SnoozeUntilADateOrACondition_Valid()
    {
        // Act
        var until = Parse(ActionVerb.Snooze, ("until", "2026-12-01"));
        var condition = Parse(ActionVerb.Snooze, ("condition", "deposit_received"));
        var past = Parse(ActionVerb.Snooze, ("until", "2026-11-21"));

        // Assert
        Assert.Equal(new DateOnly(2026, 12, 1), until.Arguments!.Until);
        Assert.Equal(SnoozeCondition.DepositReceived, condition.Arguments!.Condition);
        Assert.False(past.IsValid);
    }

    [Fact]
    public void Parse_PromiseWithFrenchAmount_ExactToTheCent()
    {
        // Act
        var parsed = Parse(ActionVerb.RecordPromise, ("amount", "12 345,67 $"), ("date", "2026-11-28"));

        // Assert
        Assert.Equal(12_345.67m, parsed.Arguments!.Amount);
        Assert.Equal(new DateOnly(2026, 11, 28), parsed.Arguments.Date);
    }

    [Theory]
    [InlineData(ActionVerb.Dismiss)]
    [InlineData(ActionVerb.AddNote)]
    [InlineData(ActionVerb.Reroute)]
    [InlineData(ActionVerb.RecordPromise)]
    [InlineData(ActionVerb.Snooze)]
    public void Parse_RequiredArgumentMissing_InvalidWithFrenchText(ActionVerb verb)
    {
        // Act
        var parsed = Parse(verb);

        // Assert
        Assert.False(parsed.IsValid);
        Assert.NotEqual(parsed.Error!.En, parsed.Error.Fr);
    }

    [Theory]
    [InlineData("amount", "12.345")]
    [InlineData("amount", "0")]
    [InlineData("date", "28/11/2026")]
    public void Parse_BadValue_Invalid(string key, string value)
    {
        // Act
        var parsed = Parse(ActionVerb.ReleaseRetainage, (key, value));

        // Assert
        Assert.False(parsed.IsValid);
    }
}
