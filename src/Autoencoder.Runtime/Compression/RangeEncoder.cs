using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// A byte-oriented range coder (Subbotin/Schindler style with carry propagation, 32-bit range, 16-bit frequencies).
/// </summary>
/// <remarks>
/// Chosen over rANS because it codes symbols in the order they are read: the escape's bypass bits can follow their
/// symbol directly, encoder and decoder walk the code in the same order, and nothing has to be buffered and reversed.
/// With frequencies of 16 bits and a range kept at ≥ 2^24 the cost over the ideal −log2 p is a small fraction of a bit
/// per symbol. The coder ends with one byte: any value in the final interval decodes the same, and the encoder picks one
/// whose last three bytes are zero, which it leaves out (the decoder reads missing bytes as zero). So a payload has
/// exactly one byte per normalisation shift plus one, and the decoder can check that it consumed the payload exactly.
/// </remarks>
internal sealed class RangeEncoder
{
    /// <summary>Below this the range is renormalised by shifting a byte out.</summary>
    internal const uint Top = 1u << 24;

    private readonly List<byte> _output = [];
    private ulong _low;                 // 33 bits: bit 32 is a carry not yet added to the bytes held back
    private uint _range = uint.MaxValue;
    private byte _cache;                // the last byte shifted out, held back because a carry may still reach it
    private long _pending = 1;          // _cache plus the 0xFF bytes after it, all still held back
    private bool _skipFirst = true;     // the very first byte held back is always 0: the interval never leaves [0, 2^32)
    private bool _finished;

    /// <summary>Codes symbol <paramref name="symbol"/> of <paramref name="table"/>.</summary>
    public void Encode(FrequencyTable table, int symbol)
    {
        Debug.Assert((uint)symbol < (uint)table.SymbolCount);
        EncodeSlice(table.Start(symbol), table.Frequency(symbol));
    }

    /// <summary>
    /// Codes the <paramref name="count"/> low bits of <paramref name="value"/> at probability ½ each, most significant first,
    /// in steps of up to 16 bits. The decoder must read them with the same counts: a 16-bit step is not the same code as
    /// 16 one-bit steps.
    /// </summary>
    public void EncodeBits(ulong value, int count)
    {
        Debug.Assert(count is >= 0 and <= 64);
        while (count > 0)
        {
            // At most 16 bits per step, so the slice (range >> bits) never falls below 2^8.
            var step = Math.Min(count, FrequencyTable.PrecisionBits);
            count -= step;
            var chunk = (uint)(value >> count) & ((1u << step) - 1);
            ThrowIfFinished();
            var r = _range >> step;
            _low += (ulong)r * chunk;
            _range = r;
            Normalize();
        }
    }

    /// <summary>Ends the stream and returns the payload. The encoder cannot be used afterwards.</summary>
    public byte[] Finish()
    {
        ThrowIfFinished();
        _finished = true;

        // The smallest multiple of 2^24 at or above low lies inside [low, low + range), as range ≥ 2^24.
        _low = (_low + (Top - 1)) & ~(ulong)(Top - 1);
        for (var i = 0; i < 5; i++)
        {
            ShiftLow();
        }

        // The last three bytes are the zero low bytes of that value: the decoder supplies them.
        Debug.Assert(_output.Count >= 4 && _output[^1] == 0 && _output[^2] == 0 && _output[^3] == 0);
        _output.RemoveRange(_output.Count - 3, 3);
        return [.. _output];
    }

    private void EncodeSlice(uint start, uint frequency)
    {
        ThrowIfFinished();
        var r = _range >> FrequencyTable.PrecisionBits;
        _low += (ulong)r * start;
        _range = r * frequency;
        Normalize();
    }

    private void Normalize()
    {
        while (_range < Top)
        {
            _range <<= 8;
            ShiftLow();
        }
    }

    private void ShiftLow()
    {
        // A byte can be released once no carry can reach it: low's top byte below 0xFF, or a carry that has happened.
        if (_low < 0xFF000000UL || _low > 0xFFFFFFFFUL)
        {
            var carry = (byte)(_low >> 32);
            var held = _cache;
            do
            {
                Emit((byte)(held + carry));
                held = 0xFF;
            }
            while (--_pending != 0);

            _cache = (byte)(_low >> 24);
        }

        _pending++;
        _low = (_low & 0x00FFFFFFUL) << 8;
    }

    private void Emit(byte value)
    {
        if (_skipFirst)
        {
            Debug.Assert(value == 0);
            _skipFirst = false;
            return;
        }

        _output.Add(value);
    }

    private void ThrowIfFinished()
    {
        if (_finished)
        {
            throw new InvalidOperationException("The range encoder has already finished its stream.");
        }
    }
}
