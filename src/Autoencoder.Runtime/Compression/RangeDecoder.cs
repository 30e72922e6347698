using System;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// Reads what <see cref="RangeEncoder"/> wrote. Damaged input never hangs or crashes it: every step consumes a bounded
/// number of bytes, a value no encoder could have produced throws <see cref="CorruptStreamException"/>, and
/// <see cref="Finish"/> checks that the payload was consumed exactly.
/// </summary>
internal sealed class RangeDecoder
{
    // The encoder leaves out the last three bytes of its final value, all zero: reading up to three past the end is normal.
    private const int ImpliedZeros = 3;

    private readonly byte[] _data;
    private readonly int _end;
    private int _position;
    private uint _range = uint.MaxValue;
    private uint _code;                 // the value read so far minus the interval's low end

    /// <summary>Starts decoding <paramref name="data"/>[<paramref name="offset"/>..].</summary>
    public RangeDecoder(byte[] data, int offset)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, data.Length);
        _data = data;
        _position = offset;
        _end = data.Length;
        for (var i = 0; i < 4; i++)
        {
            _code = (_code << 8) | NextByte();
        }
    }

    /// <summary>Decodes one symbol of <paramref name="table"/>.</summary>
    /// <exception cref="CorruptStreamException">The payload holds a value no encoder writes, or ends early.</exception>
    public int Decode(FrequencyTable table)
    {
        var r = _range >> FrequencyTable.PrecisionBits;
        var target = _code / r;
        if (target >= FrequencyTable.Total)
        {
            throw Damaged("a value outside every symbol's slice");
        }

        var symbol = table.Find(target);
        _code -= r * table.Start(symbol);
        _range = r * table.Frequency(symbol);
        Normalize();
        return symbol;
    }

    /// <summary>Decodes <paramref name="count"/> bits written by <see cref="RangeEncoder.EncodeBits"/>.</summary>
    public ulong DecodeBits(int count)
    {
        ulong value = 0;
        while (count > 0)
        {
            var step = Math.Min(count, FrequencyTable.PrecisionBits);
            count -= step;
            var r = _range >> step;
            var chunk = _code / r;
            if (chunk >> step != 0)
            {
                throw Damaged("a value outside the range of its raw bits");
            }

            _code -= chunk * r;
            _range = r;
            Normalize();
            value = (value << step) | chunk;
        }

        return value;
    }

    /// <summary>Checks that the payload ended exactly where the last symbol did.</summary>
    /// <exception cref="CorruptStreamException">Bytes are left over (the payload is longer than what was coded).</exception>
    public void Finish()
    {
        var consumed = _position - ImpliedZeros;
        if (consumed < _end)
        {
            var left = _end - consumed;
            throw new CorruptStreamException(
                $"damaged stream: {left} byte{(left == 1 ? "" : "s")} left over after the coded values (extra bytes or a damaged payload).");
        }
    }

    private void Normalize()
    {
        while (_range < RangeEncoder.Top)
        {
            _code = (_code << 8) | NextByte();
            _range <<= 8;
        }
    }

    private uint NextByte()
    {
        if (_position < _end)
        {
            return _data[_position++];
        }

        // The encoder always writes at least one byte per renormalisation: needing more than the three implied zeros
        // means the payload was cut short.
        if (++_position - _end > ImpliedZeros)
        {
            throw new CorruptStreamException("truncated stream: the payload ends before the last coded value.");
        }

        return 0;
    }

    private static CorruptStreamException Damaged(string what) =>
        new($"damaged stream: the payload decodes to {what}.");
}
