namespace Allometry.Adapters.Teams.Tests.Manifest;

/// <summary>
/// The Teams app icons, drawn as pixels: three rising bars (growth that scales, the allometry of a
/// receivable book). <see cref="Color"/> is 192×192 on the accent colour; <see cref="Outline"/> is
/// 32×32, white on transparent as Teams requires. <c>manifest/teams/*.png</c> are these drawings.
/// </summary>
internal static class TeamsIcons
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    /// <summary>The manifest's accentColor, #1F4E79.</summary>
    public static readonly (byte R, byte G, byte B) Accent = (0x1F, 0x4E, 0x79);

    public static byte[] Color()
    {
        var pixels = new byte[ColorSize * ColorSize * 4];
        Fill(pixels, ColorSize, 0, 0, ColorSize, ColorSize, Accent, 255);
        // Bars: left, width, height above the baseline at y = 150.
        foreach (var (x, height) in new[] { (42, 44), (82, 76), (122, 112) })
        {
            Fill(pixels, ColorSize, x, 150 - height, 28, height, (255, 255, 255), 255);
        }
        Fill(pixels, ColorSize, 34, 154, 124, 6, (255, 255, 255), 255);
        return pixels;
    }

    public static byte[] Outline()
    {
        var pixels = new byte[OutlineSize * OutlineSize * 4];
        foreach (var (x, height) in new[] { (6, 8), (13, 14), (20, 21) })
        {
            Fill(pixels, OutlineSize, x, 25 - height, 6, height, (255, 255, 255), 255);
        }
        Fill(pixels, OutlineSize, 4, 26, 24, 2, (255, 255, 255), 255);
        return pixels;
    }

    private static void Fill(byte[] pixels, int size, int left, int top, int width, int height, (byte R, byte G, byte B) color, byte alpha)
    {
        for (var y = top; y < top + height; y++)
        {
            for (var x = left; x < left + width; x++)
            {
                var i = (y * size + x) * 4;
                (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]) = (color.R, color.G, color.B, alpha);
            }
        }
    }
}
