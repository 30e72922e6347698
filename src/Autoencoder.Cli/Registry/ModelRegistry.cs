using System;
using System.Collections.Generic;
using System.Linq;
using Autoencoder.Cli.Models;

namespace Autoencoder.Cli.Registry;

/// <summary>
/// The models compiled into the tool, each declared in Models/&lt;name&gt;.ae.yaml. Adding one is a YAML file and an
/// entry here; everything a command needs is a capability of <see cref="ModelHandle"/>, bound explicitly below.
/// </summary>
internal static class ModelRegistry
{
    public static IReadOnlyList<ModelEntry> All { get; } =
    [
        new("dense", "784-32-784 autoencoder: embeddings, anomaly scores", nameof(DenseAutoencoder), "dense.ae.yaml",
            DenseAutoencoder.Fingerprint, DenseAutoencoder.InputShape, DenseAutoencoder.Summary,
            () => Bind(new DenseAutoencoder()),
            s =>
            {
                var d = new DenseAutoencoder.TrainingOptions();
                var trainer = DenseAutoencoder.Trainer.Create(new() { Epochs = s.Epochs ?? d.Epochs, BatchSize = s.BatchSize ?? d.BatchSize, Seed = s.Seed ?? d.Seed, Observer = s.Observer });
                return new(Bind(trainer.Model), trainer.Fit(s.Train, s.Validation));
            }),
        new("denoise", "denoising autoencoder, Gaussian noise σ = 0.3: denoise", nameof(DenoisingAutoencoder), "denoise.ae.yaml",
            DenoisingAutoencoder.Fingerprint, DenoisingAutoencoder.InputShape, DenoisingAutoencoder.Summary,
            () => Bind(new DenoisingAutoencoder()),
            s =>
            {
                var d = new DenoisingAutoencoder.TrainingOptions();
                var trainer = DenoisingAutoencoder.Trainer.Create(new() { Epochs = s.Epochs ?? d.Epochs, BatchSize = s.BatchSize ?? d.BatchSize, Seed = s.Seed ?? d.Seed, Observer = s.Observer });
                return new(Bind(trainer.Model), trainer.Fit(s.Train, s.Validation));
            }),
        new("inpaint", "denoising autoencoder trained on missing squares (block noise): inpaint", nameof(InpaintingAutoencoder), "inpaint.ae.yaml",
            InpaintingAutoencoder.Fingerprint, InpaintingAutoencoder.InputShape, InpaintingAutoencoder.Summary,
            () => Bind(new InpaintingAutoencoder()),
            s =>
            {
                var d = new InpaintingAutoencoder.TrainingOptions();
                var trainer = InpaintingAutoencoder.Trainer.Create(new() { Epochs = s.Epochs ?? d.Epochs, BatchSize = s.BatchSize ?? d.BatchSize, Seed = s.Seed ?? d.Seed, Observer = s.Observer });
                return new(Bind(trainer.Model), trainer.Fit(s.Train, s.Validation));
            }),
        new("vae", "variational autoencoder, 20 latent units: sample, interpolate", nameof(VariationalAutoencoder), "vae.ae.yaml",
            VariationalAutoencoder.Fingerprint, VariationalAutoencoder.InputShape, VariationalAutoencoder.Summary,
            () => Bind(new VariationalAutoencoder()),
            s =>
            {
                var d = new VariationalAutoencoder.TrainingOptions();
                var trainer = VariationalAutoencoder.Trainer.Create(new() { Epochs = s.Epochs ?? d.Epochs, BatchSize = s.BatchSize ?? d.BatchSize, Seed = s.Seed ?? d.Seed, Observer = s.Observer });
                return new(Bind(trainer.Model), trainer.Fit(s.Train, s.Validation));
            }),
        new("compress", "learned image codec, λ = 0.01: compress, decompress, evaluate", nameof(CompressionAutoencoder), "compress.ae.yaml",
            CompressionAutoencoder.Fingerprint, CompressionAutoencoder.InputShape, CompressionAutoencoder.Summary,
            () => Bind(new CompressionAutoencoder()),
            s =>
            {
                var d = new CompressionAutoencoder.TrainingOptions();
                var trainer = CompressionAutoencoder.Trainer.Create(new() { Epochs = s.Epochs ?? d.Epochs, BatchSize = s.BatchSize ?? d.BatchSize, Seed = s.Seed ?? d.Seed, Observer = s.Observer });
                return new(Bind(trainer.Model), trainer.Fit(s.Train, s.Validation));
            }),
    ];

    /// <summary>The entry called <paramref name="name"/>, or null.</summary>
    public static ModelEntry? Find(string name) => All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal));

    /// <summary>The registry names, for messages: "dense, denoise, inpaint, vae, compress".</summary>
    public static string Names => string.Join(", ", All.Select(e => e.Name));

    /// <summary>The names of the models that have a capability (a fresh instance of each is asked: cheap for these sizes).</summary>
    public static string NamesWith<T>(Func<ModelHandle, T?> capability) where T : class
    {
        var names = All.Where(e =>
        {
            using var handle = e.Create();
            return capability(handle) is not null;
        }).Select(e => e.Name).ToList();
        return names.Count == 0 ? "(no model of this tool has it yet)" : string.Join(", ", names);
    }

    private static ModelHandle Bind(DenseAutoencoder m) => new(m, m.Reconstruct, m.Encode);

    private static ModelHandle Bind(DenoisingAutoencoder m) =>
        new(m, m.Reconstruct, m.Encode) { Denoise = m.Denoise, Corrupt = DenoisingAutoencoder.Corrupt };

    private static ModelHandle Bind(InpaintingAutoencoder m) =>
        new(m, m.Reconstruct, m.Encode) { Denoise = m.Denoise, Corrupt = InpaintingAutoencoder.Corrupt };

    private static ModelHandle Bind(CompressionAutoencoder m) => new(m, m.Reconstruct, m.Encode) { Codec = m.CreateCodec };

    private static ModelHandle Bind(VariationalAutoencoder m) =>
        new(m, m.Reconstruct, x => m.Encode(x).Mean) { Sample = m.Sample, Interpolate = m.Interpolate };
}
