namespace Allometry.Adapters.Slack.Tests.BlockKit;

using Allometry.Adapters.Slack.BlockKit;

public sealed class BlockKitTextTests
{
    [Fact]
    public void Cut_ShortText_Unchanged()
    {
        Assert.Equal("Escalate", BlockKitText.Cut("Escalate", 75));
    }

    [Fact]
    public void Cut_LongText_ExactlyMaxEndingInEllipsis()
    {
        var cut = BlockKitText.Cut(new string('a', 120), 75);

        Assert.Equal(75, cut.Length);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
    }

    [Fact]
    public void Cut_AcrossAnEscapedEntity_StepsBackBeforeIt()
    {
        var text = BlockKitText.Escape("abcdefg & more");

        var cut = BlockKitText.Cut(text, 11);

        Assert.Equal("abcdefg…", cut);
    }

    [Fact]
    public void Cut_AcrossASurrogatePair_NeverSplitsIt()
    {
        var text = "abcd" + char.ConvertFromUtf32(0x1F600) + "efgh";

        var cut = BlockKitText.Cut(text, 6);

        Assert.Equal("abcd…", cut);
    }

    [Fact]
    public void Escape_ReservedCharacters_Entities()
    {
        Assert.Equal("Smith &amp; Sons &lt;East&gt;", BlockKitText.Escape("Smith & Sons <East>"));
    }

    [Fact]
    public void JoinLines_TooManyLines_KeepsWhatFitsAndCountsTheRest()
    {
        var lines = Enumerable.Range(0, 100).Select(i => $"line {i:000} " + new string('x', 40)).ToList();

        var text = BlockKitText.JoinLines(lines, 500, n => $"+{n} more");

        Assert.InRange(text.Length, 1, 500);
        var shown = text.Split('\n');
        Assert.Equal($"+{100 - (shown.Length - 1)} more", shown[^1]);
        Assert.Equal(lines[0], shown[0]);
    }
}
