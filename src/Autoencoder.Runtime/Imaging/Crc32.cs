using System;

namespace Autoencoder.Runtime.Imaging;

/// <summary>CRC-32 (ISO-HDLC, polynomial 0xEDB88320) as PNG chunks require; table-driven.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>Continues a running CRC; start with <see cref="Initial"/> and finish with <see cref="Finish"/>.</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    public const uint Initial = 0xFFFFFFFFu;

    public static uint Finish(uint crc) => crc ^ 0xFFFFFFFFu;

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < table.Length; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
