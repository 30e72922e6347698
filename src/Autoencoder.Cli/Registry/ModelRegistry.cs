using System;
using System.Collections.Generic;
using System.Linq;
using Autoencoder.Cli.Models;
using Autoencoder.Runtime.Models;

namespace Autoencoder.Cli.Registry;

/// <summary>
/// The models compiled into the tool, each declared in Models/&lt;name&gt;.ae.yaml. Adding one is a YAML file and a line here:
/// the generated class implements the runtime's model interfaces, and a command finds what it needs among them.
/// </summary>
internal static class ModelRegistry
{
    public static IReadOnlyList<ModelEntry> All { get; } =
    [
        ModelEntry.For<DenseAutoencoder>("dense", "784-32-784 autoencoder: embeddings, anomaly scores"),
        ModelEntry.For<DenoisingAutoencoder>("denoise", "denoising autoencoder, Gaussian noise σ = 0.3: denoise"),
        ModelEntry.For<InpaintingAutoencoder>("inpaint", "denoising autoencoder trained on missing squares (block noise): inpaint"),
        ModelEntry.For<VariationalAutoencoder>("vae", "variational autoencoder, 20 latent units: sample, interpolate"),
        ModelEntry.For<CompressionAutoencoder>("compress", "learned image codec, λ = 0.01: compress, decompress, evaluate"),
        ModelEntry.For<PhotoCodec>("photo-codec", "scale-hyperprior codec for colour photos of any size (bmshj2018, quality 3): compress, decompress, evaluate"),
        ModelEntry.For<PhotoDenoiser>("photo-denoise", "colour DnCNN for photos of any size, Gaussian noise σ = 25 of 255: denoise"),
    ];

    /// <summary>The entry called <paramref name="name"/>, or null.</summary>
    public static ModelEntry? Find(string name) => All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal));

    /// <summary>The registry names, for messages: "dense, denoise, inpaint, vae, compress".</summary>
    public static string Names => string.Join(", ", All.Select(e => e.Name));

    /// <summary>The names of the models that have the capability <typeparamref name="T"/> (a fresh instance of each is asked: cheap for these sizes).</summary>
    public static string NamesWith<T>() where T : class, IAutoencoder
    {
        var names = All.Where(e =>
        {
            using var handle = e.Create();
            return handle.As<T>() is not null;
        }).Select(e => e.Name).ToList();
        return names.Count == 0 ? "(no model of this tool has it yet)" : string.Join(", ", names);
    }
}
