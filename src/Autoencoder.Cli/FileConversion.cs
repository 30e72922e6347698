using System.CommandLine;

namespace Autoencoder.Cli;

/// <summary>
/// What a command may change in an image file to fit the model, each only when asked: <c>--resize</c> to the model's height
/// and width, <c>--convert-channels</c> between colour and grayscale. Without them a file the model does not take as it is
/// is an error naming the file, its size or channels and the model's.
/// </summary>
internal sealed record FileConversion(bool Resize, bool ConvertChannels)
{
    /// <summary>Nothing changed: the default.</summary>
    public static FileConversion None { get; } = new(false, false);

    /// <summary>The two options, added to <paramref name="command"/>, and how to read them from a parse.</summary>
    public static System.Func<ParseResult, FileConversion> AddOptions(Command command)
    {
        var resize = new Option<bool>("--resize")
        {
            Description = "Resize image files of another size to the model's height and width (never done otherwise; the aspect ratio is not kept)",
        };
        var convert = new Option<bool>("--convert-channels")
        {
            Description = "Convert colour image files to grayscale (BT.601 luma) or grayscale ones to colour, as the model takes them (never done otherwise)",
        };
        command.Options.Add(resize);
        command.Options.Add(convert);
        return parse => new FileConversion(parse.GetValue(resize), parse.GetValue(convert));
    }
}
