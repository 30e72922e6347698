using System;
using System.Collections.Generic;

namespace Autoencoder.Generators.Tests.Infrastructure;

/// <summary>
/// Every model whose generated code a snapshot test approves (Snapshots/*.approved.txt), under the snapshot's name.
/// A new snapshot test adds its model here, so that checks over all generated code (the Scalar lifetime check) see it.
/// The Errors snapshot is not here: it is the throwing stand-in surface of a model that failed, not model code.
/// </summary>
internal static class SnapshotModels
{
    public static readonly IReadOnlyList<SnapshotModel> All = new SnapshotModel[]
    {
        new("Classic", () => GeneratorHarness.Run(Models.Classic)),
        new("Deep", () => GeneratorHarness.Run(Models.Deep)),
        new("Nested", () => GeneratorHarness.Run(Models.Nested)),
        new("Conv", () => GeneratorHarness.Run(Models.Conv)),
        new("Pooled", () => GeneratorHarness.Run(Models.Pooled)),
        new("Residual", () => GeneratorHarness.Run(Models.Residual)),
        new("Normed", () => GeneratorHarness.Run(Models.Normed)),
        new("Pixel", () => GeneratorHarness.Run(Models.Pixel)),
        new("Controlled", () => GeneratorHarness.Run(Models.Controlled)),
        new("Denoising", () => GeneratorHarness.Run(RegularizedModels.Denoising)),
        new("BlockDenoising", () => GeneratorHarness.Run(BlockNoiseTests.Block)),
        new("Sparse", () => GeneratorHarness.Run(RegularizedModels.Sparse)),
        new("Contractive", () => GeneratorHarness.Run(RegularizedModels.Contractive)),
        new("DeepContractive", () => GeneratorHarness.Run(RegularizedModels.DeepContractive)),
        new("Vae", () => GeneratorHarness.Run(VariationalModels.Vae)),
        new("ConvCodec", () => GeneratorHarness.Run(CompressionTests.Conv)),
        new("DenseCodec", () => GeneratorHarness.Run(CompressionTests.Dense)),
        new("GdnCodec", () => GeneratorHarness.Run(GdnLayerTests.Codec)),
        new("HyperCodec", () => GeneratorHarness.Run(HyperpriorTests.Codec)),
        new("SmallDnCnn", () => GeneratorHarness.Run(NoisePredictionTests.DnCnn)),
        new("EmaVq", () => GeneratorHarness.Run(VectorQuantizerTests.Ema)),
        new("GradientVq", () => GeneratorHarness.Run(VectorQuantizerTests.Gradient)),
        new("YamlClassic", () => GeneratorHarness.RunYaml(YamlModels.Classic)),
    };
}

/// <summary>A snapshot's name and how to generate its model's code.</summary>
internal sealed record SnapshotModel(string Name, Func<GeneratorOutput> Generate);
