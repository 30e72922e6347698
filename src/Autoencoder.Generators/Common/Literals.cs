using System.Globalization;

namespace Autoencoder.Generators.Common;

/// <summary>Culture-invariant number text, valid both in messages and as C# literals.</summary>
internal static class Literals
{
    public static string Format(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOf('.') >= 0 || text.IndexOf('E') >= 0 || text.IndexOf('N') >= 0 || text.IndexOf('I') >= 0
            ? text
            : text + ".0";
    }

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Thousands-separated, for the summary table: 25,120.</summary>
    public static string Grouped(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
