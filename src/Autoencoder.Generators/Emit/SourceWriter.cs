using System.Text;

namespace Autoencoder.Generators.Emit;

/// <summary>Writes indented C#: the generated code is meant to be read, so layout is explicit, not normalized.</summary>
internal sealed class SourceWriter
{
    private const string Indent = "    ";
    private readonly StringBuilder builder = new();
    private int depth;

    /// <summary>The held Scalars the code written here uses; the class that needs them declares them (see <see cref="ScalarHelpers"/>).</summary>
    public ScalarHelpers Scalars { get; } = new();

    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            for (var i = 0; i < depth; i++)
            {
                builder.Append(Indent);
            }

            builder.Append(text);
        }

        builder.Append('\n');
    }

    /// <summary>A line as given, without the indentation: for a token that must sit at a given column (see <c>#line</c>).</summary>
    public void Verbatim(string text) => builder.Append(text).Append('\n');

    public void Open(string header)
    {
        Line(header);
        Open();
    }

    /// <summary>Opens a block whose header is already written, line by line (a long base list).</summary>
    public void Open()
    {
        Line("{");
        depth++;
    }

    public void Close(string suffix = "")
    {
        depth--;
        Line("}" + suffix);
    }

    public override string ToString() => builder.ToString();
}
