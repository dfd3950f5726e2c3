namespace Allometry.Adapters.Teams.Tests.Validation;

using Allometry.Adapters.Teams.Cards;
using Allometry.Adapters.Teams.Tests.Cards;
using Allometry.Bot.Tests.Diagnostics;
using Allometry.Core.Cards;
using Allometry.Core.Localization;

/// <summary>
/// The exception card, an answer and the weekly summary drawn by the official renderer in headless
/// Chromium. Set <c>ALLOMETRY_TEAMS_SCREENSHOTS</c> to a folder to keep the PNGs (that is how
/// docs/teams-*.png are made: <c>ALLOMETRY_TEAMS_SCREENSHOTS=$PWD/docs</c>).
/// </summary>
public sealed class CardScreenshotTests : IDisposable
{
    private readonly CardScreenshot _shots = new();

    public void Dispose() => _shots.Dispose();

    public static TheoryData<string> Cards => ["teams-exception-card", "teams-answer-card", "teams-weekly-summary"];

    [Theory]
    [MemberData(nameof(Cards))]
    public async Task Render_CardInChromium_RendersItsTextAndAColouredNonBlankImage(string name)
    {
        // Arrange
        var (card, expand, height, mustShow) = Sample(name);
        var page = _shots.WritePage(name, AdaptiveCardRenderer.Render(card, AdaptiveRenderOptions.Teams), expand);

        // Act
        var dom = await CardScreenshot.DumpDomAsync(page);
        var png = await _shots.ShootAsync(page, height);

        // Assert
        Assert.Contains("data-rendered=\"ok\"", dom, StringComparison.Ordinal);
        Assert.Contains("ac-adaptiveCard", dom, StringComparison.Ordinal);
        foreach (var text in mustShow)
        {
            // The DOM dump escapes &, and writes no-break spaces (French money) as &nbsp;.
            Assert.Contains(text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\u00A0", "&nbsp;", StringComparison.Ordinal), dom, StringComparison.Ordinal);
        }
        var image = PngImage.Read(png);
        Assert.Equal(CardScreenshot.Width, image.Width);
        var (ink, coloured) = (0, 0);
        for (var y = 0; y < image.Height; y += 2)
        {
            for (var x = 0; x < image.Width; x += 2)
            {
                var (r, g, b) = image[x, y];
                if (r < 128 && g < 128 && b < 128) ink++;
                if (Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) > 12) coloured++;
            }
        }
        Assert.True(image.Height > 200, $"the card is only {image.Height} px high");
        Assert.True(ink > 500, $"almost no text was drawn ({ink} dark sampled pixels)");
        Assert.True(coloured > 200, $"no coloured band or accent was drawn ({coloured} coloured sampled pixels)");
        if (Environment.GetEnvironmentVariable("ALLOMETRY_TEAMS_SCREENSHOTS") is { Length: > 0 } keep)
        {
            await File.WriteAllBytesAsync(Path.Combine(keep, name + ".png"), png);
        }
    }

    private static (Card Card, string[] Expand, int Height, string[] MustShow) Sample(string name)
    {
        switch (name)
        {
            case "teams-exception-card":
                var exception = SampleCards.Exception(Language.En);
                return (exception, ["More…", "Mark retainage released"], 1800, [exception.Title, exception.AmountText, "Amount released"]);
            case "teams-answer-card":
                var answer = SampleCards.Answer(Language.Fr);
                return (answer, [], 1000, [answer.Title, answer.Headline!, "INV-10412"]);
            default:
                var weekly = SampleCards.Weekly(Language.En);
                return (weekly, [], 2000, [weekly.Title, weekly.Headlines[0].Value, weekly.Charts[0].Points[0].ValueText]);
        }
    }
}
