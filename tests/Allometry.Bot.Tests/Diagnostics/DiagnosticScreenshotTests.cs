namespace Allometry.Bot.Tests.Diagnostics;

using Allometry.Adapters.Ledger.Writing;
using Allometry.Bot.Tests.Cli;
using Allometry.Core.Sample;
using Allometry.Testing;

/// <summary>
/// The sample operator's report opened in a real browser (headless Chromium): it must render to a
/// full, non-blank page. Set <c>ALLOMETRY_SCREENSHOT_OUT</c> to keep the PNG (that is how
/// docs/diagnostic-report.png is made).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DiagnosticScreenshotTests(PostgresFixture postgres) : IDisposable
{
    private const int Width = 1280;
    private const int Height = 2400;

    private readonly string _home = Directory.CreateTempSubdirectory("allometry-diagnose-browser-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Diagnose_SampleReportInChromium_ScreenshotIsAFullNonBlankPng()
    {
        var workbook = Path.Combine(_home, "borealis-ledger.xlsx");
        LedgerWorkbookWriter.WriteXlsx(SampleOperatorGenerator.Generate(), workbook);
        var html = Path.Combine(_home, "diagnostic-report.html");
        var run = await new CliHarness(postgres.ConnectionString, _home).RunAsync("diagnose", workbook, "--out", html);
        Assert.Equal(0, run.ExitCode);
        var png = Path.Combine(_home, "diagnostic-report.png");

        var bytes = await Chromium.ScreenshotAsync(html, png, Width, Height);

        var image = PngImage.Read(bytes);
        Assert.Equal((Width, Height), (image.Width, image.Height));
        var (ink, header) = (0, 0);
        for (var y = 0; y < image.Height; y += 4)
        {
            for (var x = 0; x < image.Width; x += 4)
            {
                var (r, g, b) = image[x, y];
                if (r < 200 || g < 200 || b < 200) ink++;
                if (y < 100 && b > r + 40) header++;
            }
        }
        var sampled = (image.Width / 4) * (image.Height / 4);
        Assert.True(ink > sampled / 50, $"the page looks blank: {ink} of {sampled} sampled pixels are not white");
        Assert.True(header > 1000, "the blue masthead is missing from the top of the page");
        if (Environment.GetEnvironmentVariable("ALLOMETRY_SCREENSHOT_OUT") is { Length: > 0 } keep)
        {
            File.Copy(png, keep, overwrite: true);
        }
    }
}
