namespace Allometry.Core.Tests.Tax;

using Allometry.Core.Tax;

public sealed class RegistrationNumbersTests
{
    [Theory]
    [InlineData("123456782RT0001", true)]
    [InlineData("123456782 RT 0001", true)]
    [InlineData("123456782\u00A0RT0001", true)]
    [InlineData("123456789RT0001", false)]   // check digit should be 2
    [InlineData("123456782RT001", false)]
    [InlineData("12345678RT0001", false)]
    [InlineData("123456782  RT0001", false)] // at most one space between parts
    [InlineData("123456782rt0001", false)]
    [InlineData("123456782RC0001", false)]   // payroll account, not GST/HST
    [InlineData("١٢٣٤٥٦٧٨٢RT0001", false)]   // Arabic-Indic digits are not ASCII digits
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidGstHst_Shapes_MatchTheRegexAndTheLuhnCheck(string? number, bool valid)
    {
        // Act & Assert
        Assert.Equal(valid, RegistrationNumbers.IsValidGstHst(number));
    }

    [Theory]
    [InlineData("1234567890TQ0001", true)]
    [InlineData("1234567890 TQ 0001", true)]
    [InlineData("123456789TQ0001", false)]
    [InlineData("1234567890TQ00011", false)]
    [InlineData("1234567890RT0001", false)]
    [InlineData(null, false)]
    public void IsValidQst_Shapes_MatchTheRegex(string? number, bool valid)
    {
        // Act & Assert
        Assert.Equal(valid, RegistrationNumbers.IsValidQst(number));
    }

    [Theory]
    [InlineData("79927398713", true)]
    [InlineData("79927398710", false)]
    [InlineData("0", true)]
    [InlineData("12a", false)]
    [InlineData("", false)]
    public void IsLuhnValid_KnownVectors_Agree(string digits, bool valid)
    {
        // Act & Assert
        Assert.Equal(valid, RegistrationNumbers.IsLuhnValid(digits));
    }

    [Fact]
    public void Parse_BothNumbersInFreeText_FindsEachNormalized()
    {
        // Act
        var printed = RegistrationNumbers.Parse("TPS/GST : 123456782 RT0001 — TVQ/QST : 1234567890 TQ 0001");

        // Assert
        Assert.Equal(["123456782RT0001"], printed.GstHst);
        Assert.Equal(["1234567890TQ0001"], printed.Qst);
        Assert.Empty(printed.InvalidGstHst);
        Assert.True(printed.HasGstHst);
        Assert.True(printed.HasQst);
    }

    [Fact]
    public void Parse_BadCheckDigit_ListedAsInvalidNotValid()
    {
        // Act
        var printed = RegistrationNumbers.Parse("GST# 123456789RT0001");

        // Assert
        Assert.False(printed.HasGstHst);
        Assert.Equal(["123456789RT0001"], printed.InvalidGstHst);
    }

    [Fact]
    public void Parse_QstNumberAlone_YieldsNoGstHst()
    {
        // Act: the last nine digits of a QST number must not pass for a business number.
        var printed = RegistrationNumbers.Parse("1123456782TQ0001");

        // Assert
        Assert.Empty(printed.GstHst);
        Assert.Empty(printed.InvalidGstHst);
        Assert.Equal(["1123456782TQ0001"], printed.Qst);
    }

    [Theory]
    [InlineData("9123456782RT0001")]   // ten digits before RT
    [InlineData("123456782RT00012")]   // five digits after RT
    public void Parse_NumbersGluedToMoreDigits_AreNotRecognized(string text)
    {
        // Act
        var printed = RegistrationNumbers.Parse(text);

        // Assert
        Assert.False(printed.HasGstHst);
        Assert.Empty(printed.InvalidGstHst);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("N/A")]
    public void Parse_NothingPrinted_FindsNothing(string? text)
    {
        // Act
        var printed = RegistrationNumbers.Parse(text);

        // Assert
        Assert.False(printed.HasGstHst);
        Assert.False(printed.HasQst);
    }

    [Fact]
    public void Parse_SameNumberTwice_ListedOnce()
    {
        // Act
        var printed = RegistrationNumbers.Parse("123456782RT0001; 123456782 RT 0001");

        // Assert
        Assert.Single(printed.GstHst);
    }
}
