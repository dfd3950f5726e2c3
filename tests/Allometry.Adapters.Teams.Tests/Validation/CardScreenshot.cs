namespace Allometry.Adapters.Teams.Tests.Validation;

using System.Diagnostics;
using System.Text.Json.Nodes;
using Allometry.Adapters.Teams.Tests.Manifest;
using Allometry.Bot.Tests.Diagnostics;

/// <summary>
/// Renders an Adaptive Card with the official <c>adaptivecards</c> bundle in headless Chromium: a page
/// loading the renderer and <c>render-card.js</c>, checked with <c>--dump-dom</c> (did it render?) and
/// photographed with <c>--screenshot</c>, the empty space below the card cropped away.
/// </summary>
internal sealed class CardScreenshot : IDisposable
{
    public const int Width = 640;
    private const int Background = 0xF5;

    private readonly string _folder = Directory.CreateTempSubdirectory("allometry-card-shot-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Writes the page for <paramref name="card"/>; <paramref name="expand"/> opens ShowCards by title, in order.</summary>
    public string WritePage(string name, JsonObject card, params string[] expand)
    {
        var modules = Path.Combine(NodeScript.RepoRoot, "node_modules", "adaptivecards", "dist", "adaptivecards.min.js");
        var script = Path.Combine(NodeScript.ValidationFolder, "render-card.js");
        // "</" cannot appear inside the inline script; JSON allows the escaped form.
        var json = card.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal);
        var expandJson = new JsonArray([.. expand.Select(e => (JsonNode)e)]).ToJsonString();
        var html = $$"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>{{name}}</title>
            <style>
              body { margin: 0; padding: 24px; background: #F5F5F5; font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; }
              #card { width: {{Width - 48}}px; background: #FFFFFF; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.16); overflow: hidden; }
            </style></head>
            <body data-rendered="pending"><div id="card"></div>
            <script>window.ALLOMETRY_CARD = {{json}}; window.ALLOMETRY_EXPAND = {{expandJson}};</script>
            <script src="{{new Uri(modules).AbsoluteUri}}"></script>
            <script src="{{new Uri(script).AbsoluteUri}}"></script>
            </body></html>
            """;
        var path = Path.Combine(_folder, name + ".html");
        File.WriteAllText(path, html);
        return path;
    }

    /// <summary>The page's DOM after its scripts ran.</summary>
    public static async Task<string> DumpDomAsync(string htmlPath)
    {
        var profile = Directory.CreateTempSubdirectory("allometry-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Chromium.Locate()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in (string[])
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--user-data-dir={profile}", "--dump-dom", new Uri(htmlPath).AbsoluteUri,
            ])
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Chromium.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0) throw new InvalidOperationException($"Chromium --dump-dom exited with {process.ExitCode}:\n{await stderr}");
            return await stdout;
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A helper process may still hold its profile for a moment; a stale temp folder is harmless.
            }
        }
    }

    /// <summary>Screenshots the page and crops the background below the card; returns the PNG's bytes.</summary>
    public async Task<byte[]> ShootAsync(string htmlPath, int height)
    {
        var raw = Path.Combine(_folder, Path.GetFileNameWithoutExtension(htmlPath) + ".raw.png");
        var image = PngImage.Read(await Chromium.ScreenshotAsync(htmlPath, raw, Width, height));
        var bottom = LastInkRow(image);
        var cropped = Math.Min(image.Height, bottom + 25);
        var rgba = new byte[image.Width * cropped * 4];
        for (var y = 0; y < cropped; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (r, g, b) = image[x, y];
                var i = (y * image.Width + x) * 4;
                (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]) = (r, g, b, 255);
            }
        }
        return PngWriter.Encode(image.Width, cropped, rgba);
    }

    private static int LastInkRow(PngImage image)
    {
        for (var y = image.Height - 1; y >= 0; y--)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (r, g, b) = image[x, y];
                if (r != Background || g != Background || b != Background) return y;
            }
        }
        return 0;
    }
}
