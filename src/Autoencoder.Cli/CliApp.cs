using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;
using Autoencoder.Cli.Commands;
using Autoencoder.Runtime.Compression;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.IO;

namespace Autoencoder.Cli;

/// <summary>
/// The whole tool as one call: parses, runs the command, and turns every failure into one line on the error writer
/// and a non-zero exit code. Tests call it in-process.
/// </summary>
public static class CliApp
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The command failed: bad input, a wrong model file, a corrupt stream...</summary>
    public const int Failed = 1;

    /// <summary>The command line itself is wrong: unknown command or option, a bad option value.</summary>
    public const int Usage = 2;

    /// <summary>Runs the tool with <paramref name="args"/>, writing results to <paramref name="stdout"/> and errors to <paramref name="stderr"/>.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var context = new CliContext(stdout, stderr);
        // Keeps libtorch from printing an NNPACK warning per convolution on CPUs it does not support: stderr is for our errors.
        // Where libtorch cannot load at all, --help still works and a command that needs it reports that in its one line.
        try
        {
            Autoencoder.Runtime.Training.TorchNative.DisableNnpack();
            Autoencoder.Runtime.Training.NativeAllocator.KeepFreedMemory();
        }
        catch (TypeInitializationException)
        {
        }
        var verbose = new Option<bool>("--verbose")
        {
            Description = "On an unexpected error, print its full details (with the stack trace)",
            Recursive = true,
        };
        var root = BuildRoot(context, verbose);
        ParseResult? parseResult = null;
        try
        {
            parseResult = root.Parse(args);
            if (parseResult.Action is ParseErrorAction)
            {
                var command = parseResult.CommandResult.Command;
                var help = command == root ? "autoencoder --help" : $"autoencoder {command.Name} --help";
                return Fail(stderr, $"{parseResult.Errors[0].Message} (see '{help}')", Usage);
            }

            return parseResult.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (Expected(e))
        {
            return Fail(stderr, e.Message, Failed);
        }
        catch (Exception e)
        {
            if (parseResult?.GetValue(verbose) == true)
            {
                stderr.WriteLine(e.ToString());
                return Fail(stderr, $"unexpected {e.GetType().Name}: {e.Message}", Failed);
            }
            return Fail(stderr, $"unexpected {e.GetType().Name}: {e.Message} (run again with --verbose for details)", Failed);
        }
    }

    private static RootCommand BuildRoot(CliContext context, Option<bool> verbose)
    {
        var root = new RootCommand(
            "Trains the autoencoders compiled into this tool and runs image jobs with them: restoration (denoise, inpaint), " +
            "generation (sample, interpolate), features (embed, probe, anomaly) and learned compression (compress, decompress, evaluate). " +
            "Inputs are image files or folders (PNG, JPEG, WebP, BMP; of the model's size and channels, or changed only with --resize and --convert-channels) or MNIST IDX data. " +
            "Start with 'autoencoder models', then 'autoencoder train dense --data data/mnist'.");
        root.Options.Add(verbose);
        foreach (var command in new[]
                 {
                     ModelsCommand.Create(context), TrainCommand.Create(context), DenoiseCommand.Create(context), InpaintCommand.Create(context),
                     SampleCommand.Create(context), InterpolateCommand.Create(context), EmbedCommand.Create(context), ProbeCommand.Create(context),
                     AnomalyCommand.Create(context), CompressCommand.Create(context), DecompressCommand.Create(context), EvaluateCommand.Create(context),
                 })
        {
            root.Subcommands.Add(command);
        }

        var helpOption = root.Options.OfType<HelpOption>().Single();
        helpOption.Action = new ExamplesHelpAction((HelpAction)helpOption.Action!);
        return root;
    }

    // Failures of the input, not of the program: their messages say what and where, so they are the whole report.
    private static bool Expected(Exception e) => e is CliException or ImageFileException or IdxFormatException or CorruptStreamException
        or ModelFileException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or InvalidDataException
        or IOException;

    private static int Fail(TextWriter stderr, string message, int exitCode)
    {
        // One line, whatever the message holds.
        var line = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        stderr.WriteLine($"autoencoder: error: {line}");
        return exitCode;
    }
}
