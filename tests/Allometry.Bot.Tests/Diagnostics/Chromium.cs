namespace Allometry.Bot.Tests.Diagnostics;

using System.Diagnostics;

/// <summary>
/// Headless Debian Chromium for the end-to-end report tests: <c>/usr/bin/chromium</c>, or the
/// path in <c>ALLOMETRY_CHROMIUM</c>. A missing browser fails the test with the package to
/// install — browser tests never skip (<c>./allometry test</c> installs it when it can).
/// </summary>
internal static class Chromium
{
    public const string PathVariable = "ALLOMETRY_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {path}: the browser tests need it. Install the Debian package 'chromium' " +
                $"(sudo apt-get install -y chromium; ./allometry test does it when run as root) or set {PathVariable} to the browser's path.");
        }
        return path;
    }

    /// <summary>Opens <paramref name="htmlPath"/> and saves a screenshot of the given window size; returns the PNG's bytes.</summary>
    public static async Task<byte[]> ScreenshotAsync(string htmlPath, string pngPath, int width, int height)
    {
        var browser = Locate();
        var profile = Directory.CreateTempSubdirectory("allometry-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in (string[])
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--user-data-dir={profile}", $"--screenshot={pngPath}", $"--window-size={width},{height}",
                new Uri(htmlPath).AbsoluteUri,
            ])
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {browser}.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not finish the screenshot of {htmlPath} within 90 s.");
            }
            if (process.ExitCode != 0 || !File.Exists(pngPath))
            {
                throw new InvalidOperationException($"Chromium exited with {process.ExitCode} and no screenshot:\n{await stdout}\n{await stderr}");
            }
            return await File.ReadAllBytesAsync(pngPath);
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
}
