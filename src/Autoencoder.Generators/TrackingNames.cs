namespace Autoencoder.Generators;

/// <summary>Names of the pipeline steps, so tests can assert which ones ran again and which were cached.</summary>
internal static class TrackingNames
{
    public const string AttributeModels = nameof(AttributeModels);
    public const string AnalyzedModels = nameof(AnalyzedModels);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Models = nameof(Models);
    public const string Fallbacks = nameof(Fallbacks);

    // The YAML branch: the files, their parse, the class names every declaration claims, the
    // YAML models whose name is free, then the steps above with this prefix (YamlAnalyzedModels, YamlModels, ...).
    public const string YamlFiles = nameof(YamlFiles);
    public const string YamlParsed = nameof(YamlParsed);
    public const string YamlClaims = nameof(YamlClaims);
    public const string YamlUnique = nameof(YamlUnique);
    public const string YamlPrefix = "Yaml";
}
