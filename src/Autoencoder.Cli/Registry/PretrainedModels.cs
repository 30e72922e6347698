using System;
using System.IO;

namespace Autoencoder.Cli.Registry;

/// <summary>
/// Trained weights that ship with the tool, as CompressAI's model zoo ships them: <c>Pretrained/&lt;name&gt;.aem</c> beside the
/// program, one per registry entry that has them, each with the command that produced it in docs/reference-runs.md. A
/// <c>--model</c> that names such an entry, where no file of that name exists, loads them.
/// </summary>
internal static class PretrainedModels
{
    /// <summary>The folder beside the program that holds the shipped model files.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Pretrained");

    /// <summary>The shipped model file of <paramref name="name"/>, or null when the tool ships none for it.</summary>
    public static string? Find(string name)
    {
        var path = Path.Combine(Folder, name + ".aem");
        return ModelRegistry.Find(name) is not null && File.Exists(path) ? path : null;
    }

    /// <summary>
    /// What <c>--model</c> <paramref name="argument"/> loads: the file when one exists at that path; else the shipped weights
    /// of the registry entry it names; else the path as given (whose loading then reports that it does not exist).
    /// </summary>
    /// <exception cref="CliException">It names a registry entry that ships no weights, and there is no such file.</exception>
    public static string Resolve(string argument)
    {
        if (File.Exists(argument) || Directory.Exists(argument) || ModelRegistry.Find(argument) is null)
            return argument;
        return Find(argument) ?? throw new CliException(
            $"'{argument}' is a model of this tool, but no trained weights ship with it: train them with 'autoencoder train {argument} ... --out FILE' and pass the file");
    }
}
