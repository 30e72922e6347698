using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Autoencoder.Cli.Registry;

/// <summary>
/// Finds the compiled model that <c>train</c> is asked for: a registry name, or a YAML file that must be one of the
/// tool's own Models/*.ae.yaml (matched by its <c>name</c>, and refused when its text differs from the compiled one,
/// because the tool can only run code generated when it was built).
/// </summary>
internal static partial class ModelSource
{
    public static ModelEntry Resolve(string nameOrFile)
    {
        if (!LooksLikeFile(nameOrFile))
        {
            return ModelRegistry.Find(nameOrFile)
                   ?? throw new CliException($"unknown model '{nameOrFile}': this tool has {ModelRegistry.Names} (or give one of their .ae.yaml files)");
        }

        if (!File.Exists(nameOrFile))
            throw new CliException($"'{nameOrFile}' does not exist (expected a model name, {ModelRegistry.Names}, or one of their .ae.yaml files)");
        var text = File.ReadAllText(nameOrFile);
        var className = DeclaredClass(text)
                        ?? throw new CliException($"{nameOrFile}: has no top-level 'name:' line, so it declares no model");
        var entry = ModelRegistry.All.FirstOrDefault(e => e.ClassName == className)
                    ?? throw new CliException(
                        $"{nameOrFile}: declares '{className}', which is not compiled into this tool (it has {string.Join(", ", ModelRegistry.All.Select(e => $"{e.ClassName} as '{e.Name}'"))}); " +
                        "train a model of your own in your own app with the Autoencoder.Dsl package (see the README)");
        if (Hash(text) != Hash(CompiledYaml(entry)))
            throw new CliException(
                $"{nameOrFile}: declares '{className}' but differs from the '{entry.Name}' model compiled into this tool (Models/{entry.YamlFile}); " +
                "the tool trains only the code generated when it was built: rebuild it with your change, or train the model in your own app");
        return entry;
    }

    /// <summary>The text of the entry's YAML file as it was when the tool was built (an embedded resource).</summary>
    public static string CompiledYaml(ModelEntry entry)
    {
        using var stream = typeof(ModelSource).Assembly.GetManifestResourceStream("Models/" + entry.YamlFile)
                           ?? throw new InvalidOperationException($"Models/{entry.YamlFile} is not embedded in the tool.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The class a model declaration names on its top-level <c>name:</c> line, or null when it has none.</summary>
    public static string? DeclaredClass(string yaml)
    {
        var declared = NameLine().Match(yaml);
        return declared.Success ? declared.Groups[1].Value.Trim('"', '\'') : null;
    }

    private static bool LooksLikeFile(string value) =>
        value.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || value.Contains('/') || value.Contains('\\');

    // Line endings and a byte-order mark do not change a declaration; anything else does.
    private static string Hash(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF').ReplaceLineEndings("\n"))));

    [GeneratedRegex(@"^name:\s*(\S+)", RegexOptions.Multiline)]
    private static partial Regex NameLine();
}
