using System.Text;

namespace Autoencoder.Generators.Emit;

/// <summary>Writes indented C#: the generated code is meant to be read, so layout is explicit, not normalized.</summary>
internal sealed class SourceWriter
{
    private const string Indent = "    ";
    private readonly StringBuilder _builder = new();
    private int _depth;

    /// <summary>The held Scalars the code written here uses; the class that needs them declares them (see <see cref="ScalarHelpers"/>).</summary>
    public ScalarHelpers Scalars { get; } = new();

    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            for (var i = 0; i < _depth; i++)
            {
                _builder.Append(Indent);
            }

            _builder.Append(text);
        }

        _builder.Append('\n');
    }

    /// <summary>A line as given, without the indentation: for a token that must sit at a given column (see <c>#line</c>).</summary>
    public void Verbatim(string text) => _builder.Append(text).Append('\n');

    public void Open(string header)
    {
        Line(header);
        Open();
    }

    /// <summary>Opens a block whose header is already written, line by line (a long base list).</summary>
    public void Open()
    {
        Line("{");
        _depth++;
    }

    public void Close(string suffix = "")
    {
        _depth--;
        Line("}" + suffix);
    }

    public override string ToString() => _builder.ToString();
}
