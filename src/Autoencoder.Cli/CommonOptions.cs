using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Autoencoder.Cli;

/// <summary>The options several commands share, made the same way everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> ModelFile() => new("--model", "-m")
    {
        Description = "The trained model file, as written by 'autoencoder train' (e.g. dense.aem), or the name of a model whose trained weights ship with the tool (photo-codec, photo-denoise)",
        Required = true,
        HelpName = "file",
    };

    public static Argument<string> Input(string description) => new("input")
    {
        Description = description,
    };

    public static Option<string> Out(string description, string defaultValue) => new("--out", "-o")
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        HelpName = "path",
    };

    public static Option<int?> Limit() => Positive(new Option<int?>("--limit")
    {
        Description = "Use only the first N images of the input",
        HelpName = "N",
    });

    public static Option<string> Split(string defaultSplit) => new Option<string>("--split")
    {
        Description = "Which MNIST split to read when the input is a folder with the four MNIST IDX files",
        DefaultValueFactory = _ => defaultSplit,
    }.AcceptOnlyFromAmong("train", "test");

    public static Option<long> Seed() => new("--seed")
    {
        Description = "Seed of the random noise or samples, so a run can be repeated",
        DefaultValueFactory = _ => 1,
        HelpName = "N",
    };

    /// <summary>Adds the check that a given value is at least 1, reported as a usage error.</summary>
    public static Option<int?> Positive(Option<int?> option)
    {
        option.Validators.Add(result => RequirePositive(option.Name, result));
        return option;
    }

    /// <summary>Adds the check that a given value is at least 1, reported as a usage error.</summary>
    public static Option<int> Positive(Option<int> option)
    {
        option.Validators.Add(result => RequirePositive(option.Name, result));
        return option;
    }

    /// <summary>Adds the check that a given value is at most <paramref name="max"/>: grid sizes multiply, and must not overflow.</summary>
    public static Option<int> AtMost(Option<int> option, int max)
    {
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > max)
                    result.AddError($"{option.Name} must be at most {max}, got {value}.");
            }
        });
        return option;
    }

    // Reads the token itself: a value that is not a number at all already has its own parse error.
    private static void RequirePositive(string name, OptionResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value < 1)
                result.AddError($"{name} must be at least 1, got {value}.");
        }
    }
}
