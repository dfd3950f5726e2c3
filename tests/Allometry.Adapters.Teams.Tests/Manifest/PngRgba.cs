namespace Allometry.Adapters.Teams.Tests.Manifest;

using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

/// <summary>
/// Reads back what <see cref="PngWriter"/> writes — the size, the colour type and the RGBA pixels
/// (filter 0 scanlines) — and checks every chunk's CRC, to test the committed icons.
/// </summary>
internal sealed record PngRgba(int Width, int Height, byte ColorType, byte[] Pixels)
{
    public static PngRgba Read(byte[] file)
    {
        ReadOnlySpan<byte> signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        if (file.Length < 8 || !file.AsSpan(0, 8).SequenceEqual(signature)) throw new InvalidDataException("Not a PNG: wrong signature.");
        int width = 0, height = 0;
        byte colorType = 0;
        using var idat = new MemoryStream();
        for (var pos = 8; pos + 12 <= file.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(pos));
            var typed = file.AsSpan(pos + 4, 4 + length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(pos + 8 + length));
            var type = Encoding.ASCII.GetString(typed[..4]);
            if (PngWriter.Crc32(typed) != crc) throw new InvalidDataException($"PNG chunk {type} has a bad CRC.");
            var data = typed[4..];
            if (type == "IHDR")
            {
                (width, height, colorType) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]), data[9]);
                if (data[8] != 8) throw new InvalidDataException("Only 8-bit PNGs are read.");
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            pos += 12 + length;
        }
        if (colorType != 6) return new PngRgba(width, height, colorType, []);
        idat.Position = 0;
        using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        var bytes = raw.ToArray();
        var stride = width * 4;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            if (bytes[y * (stride + 1)] != 0) throw new InvalidDataException("Only filter-0 scanlines are read.");
            Array.Copy(bytes, y * (stride + 1) + 1, pixels, y * stride, stride);
        }
        return new PngRgba(width, height, colorType, pixels);
    }
}
