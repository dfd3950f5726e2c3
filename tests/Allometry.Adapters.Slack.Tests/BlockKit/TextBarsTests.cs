namespace Allometry.Adapters.Slack.Tests.BlockKit;

using Allometry.Adapters.Slack.BlockKit;
using Allometry.Core.Cards;

public sealed class TextBarsTests
{
    [Theory]
    [InlineData(100, 100, "████████████████████")]
    [InlineData(50, 100, "██████████")]
    [InlineData(52.5, 100, "██████████▌")]
    [InlineData(0.1, 100, "▌")]
    [InlineData(0, 100, "")]
    [InlineData(-5, 100, "")]
    public void Bar_ValueOfMax_FullAndHalfBlocks(decimal value, decimal max, string expected)
    {
        Assert.Equal(expected, TextBars.Bar(value, max));
    }

    [Fact]
    public void Lines_Chart_LabelsPaddedBarsAlignedValuesAsFormatted()
    {
        var chart = new ChartData("Aging", ChartKind.VerticalBar, [new ChartPoint("Current", 200m, "$200.00"), new ChartPoint("1-30", 100m, "$100.00")]);

        var lines = TextBars.Lines(chart);

        Assert.Equal("Current " + new string('█', 20) + " $200.00", lines[0]);
        Assert.Equal("1-30    " + new string('█', 10) + new string(' ', 10) + " $100.00", lines[1]);
    }
}
