using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Autoencoder.Runtime.Training;

/// <summary>
/// The checkpoint file layout: a magic number, named length-prefixed sections, then a SHA-256 of everything before
/// it and an end marker. A reader checks the end marker and the digest before parsing a single section, so a
/// truncated or corrupted file is refused as a whole and nothing is loaded from it.
/// </summary>
/// <remarks>
/// <c>"AECKPT01"</c> · per section: name length (1 byte), ASCII name, payload length (int64 LE), payload ·
/// SHA-256 (32 bytes) · <c>"AECKEND!"</c>.
/// </remarks>
internal static class CheckpointContainer
{
    private static readonly byte[] Magic = "AECKPT01"u8.ToArray();
    private static readonly byte[] EndMarker = "AECKEND!"u8.ToArray();
    private const int DigestLength = 32;

    public static byte[] Write(IReadOnlyList<(string Name, byte[] Payload)> sections)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.ASCII, leaveOpen: true))
        {
            writer.Write(Magic);
            foreach (var (name, payload) in sections)
            {
                writer.Write((byte)name.Length);
                writer.Write(Encoding.ASCII.GetBytes(name));
                writer.Write((long)payload.Length);
                writer.Write(payload);
            }
        }

        var digest = SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        buffer.Write(digest);
        buffer.Write(EndMarker);
        return buffer.ToArray();
    }

    /// <summary>Splits a checkpoint into its sections after checking that it is complete and intact.</summary>
    /// <exception cref="InvalidDataException">The file is not a checkpoint, is truncated or is corrupt; the message says which.</exception>
    public static Dictionary<string, ReadOnlyMemory<byte>> Read(byte[] file, string path)
    {
        if (file.Length < Magic.Length || !file.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw Bad(path, "it does not start with the checkpoint magic number 'AECKPT01' (not a checkpoint, or from another program)");
        int bodyEnd = file.Length - EndMarker.Length - DigestLength;
        if (bodyEnd < Magic.Length || !file.AsSpan(file.Length - EndMarker.Length).SequenceEqual(EndMarker))
            throw Bad(path, $"it is truncated: the end marker is missing ({file.Length} bytes); the write that made it did not finish");
        var expected = file.AsSpan(bodyEnd, DigestLength);
        if (!SHA256.HashData(file.AsSpan(0, bodyEnd)).AsSpan().SequenceEqual(expected))
            throw Bad(path, "it is corrupt: its SHA-256 does not match its contents");

        var sections = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        int position = Magic.Length;
        while (position < bodyEnd)
        {
            int nameLength = file[position++];
            if (position + nameLength + sizeof(long) > bodyEnd)
                throw Bad(path, $"a section header at byte {position - 1} runs past the end of the data");
            string name = Encoding.ASCII.GetString(file, position, nameLength);
            position += nameLength;
            long length = BitConverter.ToInt64(file, position);
            position += sizeof(long);
            if (length < 0 || length > bodyEnd - position)
                throw Bad(path, $"section '{name}' claims {length} bytes but {bodyEnd - position} remain");
            if (!sections.TryAdd(name, new ReadOnlyMemory<byte>(file, position, (int)length)))
                throw Bad(path, $"section '{name}' appears twice");
            position += (int)length;
        }
        return sections;
    }

    public static InvalidDataException Bad(string path, string reason) =>
        new($"Checkpoint '{path}' cannot be used: {reason}. Nothing was loaded.");
}
