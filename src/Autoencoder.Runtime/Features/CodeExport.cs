using System;
using System.Globalization;
using System.IO;
using System.Text;
using Autoencoder.Runtime.IO;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Training;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Features;

/// <summary>
/// The codes a trained model gives a data set, as one [N, D] matrix, for a classifier, a plot or another tool
/// (<see cref="LinearProbe"/>, NumPy, a spreadsheet).
/// </summary>
public static class CodeExport
{
    /// <summary>
    /// The model's codes (<see cref="IAutoencoder.Features"/>: a VAE's posterior mean, the encoder's output before any
    /// quantisation) of <paramref name="inputs"/>, in batches, in eval mode without gradients (the model's mode is restored
    /// after), as [N, D] float32 on the CPU; a code with more than one dimension per sample (a convolutional code [C, H, W])
    /// is flattened in C order.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="inputs">Samples [N, ...]; batches are moved to the model's device when they live elsewhere.</param>
    /// <param name="batchSize">Samples per forward pass.</param>
    public static Tensor Encode(IAutoencoder model, Tensor inputs, int batchSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Encode(model.Module, model.Features, inputs, batchSize);
    }

    /// <summary>
    /// Runs <paramref name="encode"/> over <paramref name="inputs"/> in batches, in eval mode without gradients (the
    /// model's mode is restored after), and returns the codes as [N, D] float32 on the CPU; a code with more than one
    /// dimension per sample (a convolutional code [C, H, W]) is flattened in C order.
    /// </summary>
    /// <param name="model">The module behind <paramref name="encode"/>; only its train/eval mode is touched.</param>
    /// <param name="encode">Inputs [B, ...] to codes [B, ...] (the generated <c>Encode</c>).</param>
    /// <param name="inputs">Samples [N, ...]; batches are moved to the model's device when they live elsewhere.</param>
    /// <param name="batchSize">Samples per forward pass.</param>
    public static Tensor Encode(nn.Module model, Func<Tensor, Tensor> encode, Tensor inputs, int batchSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(encode);
        TensorArguments.RequireSamples(inputs, nameof(inputs));
        TensorArguments.RequirePositiveBatchSize(batchSize, nameof(batchSize));
        long n = inputs.shape[0];
        var device = ModelDevice.Of(model);
        var batches = new Tensor[(n + batchSize - 1) / batchSize];
        try
        {
            using (EvaluationModeScope.Enter(model))
            {
                for (long start = 0, i = 0; start < n; start += batchSize, i++)
                {
                    using var scope = NewDisposeScope();
                    var batch = inputs.narrow(0, start, Math.Min(batchSize, n - start));
                    if (batch.device != device)
                        batch = batch.to(device);
                    var code = encode(batch);
                    if (code.dim() < 1 || code.shape[0] != batch.shape[0])
                        throw new InvalidOperationException(
                            $"The encoder returned {TensorArguments.Format(code.shape)} for a batch of {batch.shape[0]} samples; codes must be [B, ...].");
                    batches[i] = code.reshape(code.shape[0], -1).to(CPU).to_type(ScalarType.Float32).MoveToOuterDisposeScope();
                }
            }

            return cat(batches, 0);
        }
        finally
        {
            foreach (var batch in batches)
                batch?.Dispose();
        }
    }

    /// <summary>Writes codes [N, D] as a NumPy <c>.npy</c> file (float32), atomically; see <see cref="NpyFile"/>.</summary>
    public static void WriteNpy(string path, Tensor codes)
    {
        RequireMatrix(codes);
        NpyFile.Write(path, codes);
    }

    /// <summary>
    /// Writes codes [N, D] as CSV, atomically: a header <c>code0,…,code{D−1}</c> (with a leading <c>label</c> column
    /// when <paramref name="labels"/> [N] is given), then one row per sample; numbers in the invariant culture, each
    /// float written with the digits that read back to the same float32.
    /// </summary>
    public static void WriteCsv(string path, Tensor codes, Tensor? labels = null)
    {
        RequireMatrix(codes);
        long n = codes.shape[0], d = codes.shape[1];
        if (labels is not null && (labels.dim() != 1 || labels.shape[0] != n))
            throw new ArgumentException($"Labels must be [{n}], one per code; got {TensorArguments.Format(labels.shape)}.", nameof(labels));

        float[] values;
        long[]? classes = null;
        using (NewDisposeScope())
        {
            values = codes.detach().to(CPU).to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
            if (labels is not null)
                classes = labels.to(CPU).to_type(ScalarType.Int64).data<long>().ToArray();
        }

        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            var line = new StringBuilder();
            if (classes is not null)
                line.Append("label,");
            for (long j = 0; j < d; j++)
                line.Append(j == 0 ? "" : ",").Append("code").Append(j.ToString(CultureInfo.InvariantCulture));
            writer.WriteLine(line);
            for (long i = 0; i < n; i++)
            {
                line.Clear();
                if (classes is not null)
                    line.Append(classes[i].ToString(CultureInfo.InvariantCulture)).Append(',');
                for (long j = 0; j < d; j++)
                    line.Append(j == 0 ? "" : ",").Append(values[i * d + j].ToString("R", CultureInfo.InvariantCulture));
                writer.WriteLine(line);
            }
        });
    }

    private static void RequireMatrix(Tensor codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.dim() != 2)
            throw new ArgumentException($"Codes must be a matrix [N, D]; got {TensorArguments.Format(codes.shape)}.", nameof(codes));
    }
}
