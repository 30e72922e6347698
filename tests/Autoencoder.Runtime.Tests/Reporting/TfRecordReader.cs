using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using Shouldly;

namespace Autoencoder.Runtime.Tests.Reporting;

/// <summary>
/// Reads TFRecord framing as TensorBoard does: u64 length, masked CRC-32C of the length, the payload, masked
/// CRC-32C of the payload (all little-endian). Every CRC is checked and the records must end the file exactly.
/// </summary>
internal static class TfRecordReader
{
    public static List<byte[]> Read(byte[] file)
    {
        var records = new List<byte[]>();
        var at = 0;
        while (at < file.Length)
        {
            (file.Length - at).ShouldBeGreaterThanOrEqualTo(12, $"record header at offset {at}");
            var lengthBytes = file.AsSpan(at, 8);
            var length = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes));
            BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 8)).ShouldBe(MaskedCrc(lengthBytes), $"length CRC at offset {at}");
            (file.Length - at).ShouldBeGreaterThanOrEqualTo(16 + length, $"record at offset {at} is cut short");
            var payload = file.AsSpan(at + 12, length);
            BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 12 + length)).ShouldBe(MaskedCrc(payload), $"payload CRC at offset {at}");
            records.Add(payload.ToArray());
            at += 16 + length;
        }

        return records;
    }

    private static uint MaskedCrc(ReadOnlySpan<byte> bytes)
    {
        var crc = Crc32C(bytes);
        return ((crc >> 15) | (crc << 17)) + 0xA282EAD8u;
    }

    // Castagnoli polynomial, reflected, bit by bit: slow and obviously right.
    private static uint Crc32C(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc >> 1) ^ (0x82F63B78u & (0u - (crc & 1)));
            }
        }

        return ~crc;
    }
}
