namespace Autoencoder.Generators.FrontEnds;

/// <summary>What a front-end read: the spec (null when nothing usable was found) and what it complained about.</summary>
internal sealed record ModelParseResult(ModelSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
