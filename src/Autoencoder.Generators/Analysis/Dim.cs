using System;
using System.Globalization;

namespace Autoencoder.Generators.Analysis;

/// <summary>A free side of the input, which a model declared with <c>Any.Height</c>/<c>Any.Width</c> (YAML <c>H</c>, <c>W</c>).</summary>
internal enum Side
{
    None,
    Height,
    Width,
}

/// <summary>
/// One size of a shape: a number, or an affine function of a free input side s, <c>s·n/d + c</c> (<c>H/16</c>, <c>2W</c>,
/// <c>H/2-1</c>). Strides divide the side's term, so each size also carries the multiple of s it needs to be exact:
/// <c>H/16</c> is a whole number only when H is a multiple of 16. The multiple is derived from the rest and is not part of
/// equality, so a block whose body returns <c>H</c> after going through <c>H/2</c> gives back its input's size.
/// </summary>
internal readonly struct Dim : IEquatable<Dim>
{
    private Dim(Side side, long numerator, long denominator, long offset, long multiple)
    {
        Side = side;
        Numerator = numerator;
        Denominator = denominator;
        Offset = offset;
        Multiple = multiple;
    }

    public Side Side { get; }

    /// <summary>The side's coefficient is Numerator/Denominator, in lowest terms; 0/1 for a fixed size.</summary>
    public long Numerator { get; }

    public long Denominator { get; }

    /// <summary>The constant term; the whole size when it is fixed.</summary>
    public long Offset { get; }

    /// <summary>The side must be a multiple of this for the size to be exactly this expression; 1 for a fixed size.</summary>
    public long Multiple { get; }

    public bool IsFixed => Side == Side.None;

    /// <summary>The size of a fixed dimension.</summary>
    public long Value => IsFixed ? Offset : throw new InvalidOperationException("the size " + this + " depends on the input's " + SideName(Side));

    public static Dim Of(long size) => new(Side.None, 0, 1, size, 1);

    public static Dim Free(Side side) => new(side, 1, 1, 0, 1);

    public Dim Plus(long constant) => new(Side, Numerator, Denominator, Offset + constant, Multiple);

    /// <summary>The size times a positive whole factor, as upsampling and transposed convolutions grow it.</summary>
    public Dim Times(long factor) => IsFixed ? Of(Offset * factor) : Reduced(Side, Numerator * factor, Denominator, Offset * factor, Multiple);

    /// <summary>
    /// ⌊(size + <paramref name="add"/>) / <paramref name="stride"/>⌋, the size after a stride. For a free side it is exact
    /// when the side's term is a multiple of the stride, which the result's <see cref="Multiple"/> demands.
    /// </summary>
    public Dim Strided(long stride, long add)
    {
        if (IsFixed)
        {
            return Of(FloorDivide(Offset + add, stride));
        }

        var gcd = Gcd(Numerator, Denominator * stride);
        var denominator = Denominator * stride / gcd;
        return new(Side, Numerator / gcd, denominator, FloorDivide(Offset + add, stride), Lcm(Multiple, denominator));
    }

    /// <summary>The size split into <paramref name="blocks"/> equal parts, or null when it is not divisible for every admissible side.</summary>
    public Dim? DividedExactly(long blocks)
    {
        if (IsFixed)
        {
            return Offset % blocks == 0 ? Of(Offset / blocks) : null;
        }

        return Offset % blocks == 0 ? Strided(blocks, 0) : null;
    }

    /// <summary>The difference <c>this − other</c> when it is the same for every admissible side (both fixed, or the same side and coefficient).</summary>
    public long? Minus(Dim other)
        => Side == other.Side && Numerator == other.Numerator && Denominator == other.Denominator ? Offset - other.Offset : null;

    /// <summary>The size for a side of <paramref name="side"/> pixels (a multiple of <see cref="Multiple"/>).</summary>
    public long At(long side) => IsFixed ? Offset : (side / Denominator * Numerator) + Offset;

    /// <summary>Whether the size's numbers are small enough for a dimension (an int), for every side an int can hold.</summary>
    public bool Fits => IsFixed
        ? Offset is >= 0 and <= int.MaxValue
        : Numerator <= int.MaxValue && Denominator <= int.MaxValue && Math.Abs(Offset) <= int.MaxValue && Multiple <= int.MaxValue;

    /// <summary>A literal for generated code: the size, or -1 for a free one (a reshape infers it).</summary>
    public string ToCSharp() => IsFixed ? Offset.ToString(CultureInfo.InvariantCulture) : "-1";

    /// <summary><c>28</c>, <c>H</c>, <c>H/16</c>, <c>2W</c>, <c>3H/4</c>, <c>H/2-1</c>.</summary>
    public override string ToString()
    {
        if (IsFixed)
        {
            return Offset.ToString(CultureInfo.InvariantCulture);
        }

        var letter = Side == Side.Height ? "H" : "W";
        var term = (Numerator == 1 ? string.Empty : Numerator.ToString(CultureInfo.InvariantCulture)) + letter
                   + (Denominator == 1 ? string.Empty : "/" + Denominator.ToString(CultureInfo.InvariantCulture));
        return Offset == 0 ? term : term + (Offset > 0 ? "+" : "-") + Math.Abs(Offset).ToString(CultureInfo.InvariantCulture);
    }

    public static string SideName(Side side) => side == Side.Height ? "height" : "width";

    public bool Equals(Dim other) => Side == other.Side && Numerator == other.Numerator && Denominator == other.Denominator && Offset == other.Offset;

    public override bool Equals(object? obj) => obj is Dim other && Equals(other);

    public override int GetHashCode() => unchecked((((((int)Side * 397) ^ Numerator.GetHashCode()) * 397) ^ Denominator.GetHashCode()) * 397) ^ Offset.GetHashCode();

    public static bool operator ==(Dim left, Dim right) => left.Equals(right);

    public static bool operator !=(Dim left, Dim right) => !left.Equals(right);

    public static long Lcm(long a, long b) => a / Gcd(a, b) * b;

    private static Dim Reduced(Side side, long numerator, long denominator, long offset, long multiple)
    {
        var gcd = Gcd(numerator, denominator);
        return new(side, numerator / gcd, denominator / gcd, offset, multiple);
    }

    private static long Gcd(long a, long b)
    {
        a = Math.Abs(a);
        b = Math.Abs(b);
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a == 0 ? 1 : a;
    }

    private static long FloorDivide(long a, long b) => (a / b) - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);
}
