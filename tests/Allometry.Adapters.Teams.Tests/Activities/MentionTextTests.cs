namespace Allometry.Adapters.Teams.Tests.Activities;

using Allometry.Adapters.Teams.Activities;

public sealed class MentionTextTests
{
    [Theory]
    [InlineData("<at>ridotest</at> reply to thread", "reply to thread")]
    [InlineData("<at>Allometry</at>owed on 1042", "owed on 1042")]
    [InlineData("what's owed <at>Allometry</at>on project 7?", "what's owed on project 7?")]
    [InlineData("<at>Allometry</at>\n\n  queue  ", "queue")]
    [InlineData("<AT>Allometry Bot</AT>summary", "summary")]
    [InlineData("owed on &quot;Tower&quot; &amp; co", "owed on \"Tower\" & co")]
    [InlineData(null, "")]
    public void Strip_TeamsText_RemovesMentionsAndNormalizes(string? text, string expected)
    {
        // Act
        var stripped = MentionText.Strip(text);

        // Assert
        Assert.Equal(expected, stripped);
    }
}
