namespace Allometry.Adapters.Teams.Tests.Manifest;

using Allometry.Adapters.Teams.Tests.Validation;

/// <summary>
/// The committed icons are the drawings of <see cref="TeamsIcons"/>, at the sizes Teams requires,
/// the outline white on transparent. <c>ALLOMETRY_WRITE_TEAMS_ICONS=1</c> rewrites them.
/// </summary>
public sealed class TeamsIconsTests
{
    private static string Folder => Path.Combine(NodeScript.RepoRoot, "manifest", "teams");

    [Fact]
    public void ColorIcon_CommittedFile_Is192SquareOpaqueAndTheDrawing()
    {
        // Arrange
        var expected = TeamsIcons.Color();
        WriteWhenAsked("color.png", TeamsIcons.ColorSize, expected);

        // Act
        var png = PngRgba.Read(File.ReadAllBytes(Path.Combine(Folder, "color.png")));

        // Assert
        Assert.Equal((192, 192, (byte)6), (png.Width, png.Height, png.ColorType));
        Assert.Equal(expected, png.Pixels);
        Assert.All(Enumerable.Range(0, 192 * 192), i => Assert.Equal(255, png.Pixels[i * 4 + 3]));
    }

    [Fact]
    public void OutlineIcon_CommittedFile_Is32SquareWhiteOnTransparent()
    {
        // Arrange
        var expected = TeamsIcons.Outline();
        WriteWhenAsked("outline.png", TeamsIcons.OutlineSize, expected);

        // Act
        var png = PngRgba.Read(File.ReadAllBytes(Path.Combine(Folder, "outline.png")));

        // Assert
        Assert.Equal((32, 32, (byte)6), (png.Width, png.Height, png.ColorType));
        Assert.Equal(expected, png.Pixels);
        var (transparent, white) = (0, 0);
        for (var i = 0; i < png.Pixels.Length; i += 4)
        {
            var (r, g, b, a) = (png.Pixels[i], png.Pixels[i + 1], png.Pixels[i + 2], png.Pixels[i + 3]);
            if (a == 0) transparent++;
            else if ((r, g, b) == (255, 255, 255)) white++;
            else Assert.Fail($"pixel {i / 4} is ({r},{g},{b},{a}): only white or fully transparent pixels are allowed");
        }
        Assert.True(transparent > 32 * 32 / 2, "the background must be transparent");
        Assert.True(white > 50, "the glyph must be drawn in white");
    }

    [Fact]
    public void Encode_ThenRead_PixelsAndCrcRoundTrip()
    {
        // Arrange
        var pixels = Enumerable.Range(0, 3 * 2 * 4).Select(i => (byte)(i * 7)).ToArray();

        // Act
        var png = PngRgba.Read(PngWriter.Encode(3, 2, pixels));

        // Assert
        Assert.Equal((3, 2), (png.Width, png.Height));
        Assert.Equal(pixels, png.Pixels);
        Assert.Equal(0xCBF43926u, PngWriter.Crc32("123456789"u8));
    }

    private static void WriteWhenAsked(string name, int size, byte[] pixels)
    {
        if (Environment.GetEnvironmentVariable("ALLOMETRY_WRITE_TEAMS_ICONS") == "1")
        {
            File.WriteAllBytes(Path.Combine(Folder, name), PngWriter.Encode(size, size, pixels));
        }
    }
}
