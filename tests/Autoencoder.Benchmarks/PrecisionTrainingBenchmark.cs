using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Metrics;
using Autoencoder.Runtime.Torch;
using Autoencoder.Runtime.Training;
using Autoencoder.Runtime.Training.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoder.Benchmarks;

/// <summary>
/// Whether bfloat16 training costs a trained figure: the DnCNN of the bsd68 entry (σ = 25, predicting the noise) trained
/// for the same steps on the same batches in float32 and in bfloat16 with float32 master weights (forward and backward in
/// a bfloat16 copy; its gradients, cast up, update the float32 weights with Adam; the copy takes them back before the next
/// step), then scored on Set12 as the entry scores BSD68: seeded noise, not clipped, PSNR of the 8-bit output. The bfloat16
/// run is scored with its float32 weights and with the bfloat16 copy. Prints step times and scores; it does not fail.
/// </summary>
internal static class PrecisionTrainingBenchmark
{
    private const double Sigma = 25 / 255.0;
    private const int BatchSize = 80;
    private const ulong TestNoiseSeed = 2017;

    public static int Run(string datasets, int steps)
    {
        // As TrainingLoop.Fit runs: glibc keeps freed memory (2.6× on this network), NNPACK's warnings off.
        NativeAllocator.KeepFreedMemory();
        TorchNative.DisableNnpack();
        var train = new ImageFolderData(Path.Combine(datasets, "bsd400"), new ImageFolderOptions
        {
            Channels = 1, PatchHeight = 40, PatchWidth = 40, FlipHorizontal = true, FlipVertical = true, CacheBytes = 1L << 30,
        });
        using var set12 = ImageFolder.LoadNative(Path.Combine(datasets, "set12"), channels: 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Precision in training: DnCNN σ = 25, {steps} steps of {BatchSize} 40² BSD400 patches, Adam 1e-3; Set12; torch threads {get_num_threads()}"));

        foreach (var bf16 in new[] { false, true })
        {
            manual_seed(17).Dispose();
            using var master = PrecisionBenchmark.DnCnn(bf16Convolutions: false);
            manual_seed(17).Dispose();
            using var copy = bf16 ? PrecisionBenchmark.DnCnn(bf16Convolutions: false) : null;
            copy?.to(ScalarType.BFloat16);
            using var optimizer = new Adam(master.parameters(), learningRate: 1e-3);
            var times = new List<double>();
            var losses = new List<double>();
            int recomputed = 0;
            long step = 0;
            for (int epoch = 1; step < steps; epoch++)
            {
                using var batches = train.OpenEpoch(new EpochPlan(Seed: 17, epoch, BatchSize, Shuffle: true));
                while (step < steps && batches.Next() is { Inputs: { } clean })
                {
                    step++;
                    using var scope = NewDisposeScope();
                    using var generator = new Generator(1000 + (ulong)step);
                    var noise = randn(clean.shape, generator: generator).mul(HeldScalars.Of(Sigma));
                    var noisy = clean.add(noise);
                    var clock = Stopwatch.StartNew();
                    // oneDNN's AVX-512 convolution backward now and then gives NaN for DnCNN's 64 → 1 last layer
                    // (docs/troubleshooting.md). As the trainer does, such a step is computed again, here in float32
                    // (bfloat16 without oneDNN is 30× slower), then in float32 without oneDNN.
                    double loss = TrainStep(master, copy, optimizer, noisy, noise);
                    if (FirstNonFinite(master) is { } bad)
                    {
                        if (recomputed == 0)
                            Console.WriteLine($"  step {step}: first gradient not finite: {bad}");
                        recomputed++;
                        loss = RecomputeInFloat32(master, optimizer, noisy, noise, step);
                    }
                    losses.Add(loss);
                    optimizer.Step();
                    times.Add(clock.Elapsed.TotalSeconds);
                    if (step % 50 == 0)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"  {(bf16 ? "bfloat16" : "float32 ")} step {step}: mean loss of the last 50 {losses.TakeLast(50).Average():G4}, {times.TakeLast(50).Average():F2} s/step"));
                    }
                }
            }

            var median = times.Order().ElementAt(times.Count / 2);
            var score = Score(master, set12, ScalarType.Float32);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{(bf16 ? "bfloat16, float32 master weights" : "float32")}: median {median:F3} s/step, {times.Sum() / 60:F1} min, {recomputed} steps recomputed in float32; Set12 PSNR {score:F2} dB");
            if (copy is not null)
            {
                CopyInto(master, copy);
                line += string.Create(CultureInfo.InvariantCulture, $" (inference in bfloat16: {Score(copy, set12, ScalarType.BFloat16):F2} dB)");
            }
            Console.WriteLine(line);
        }
        return 0;
    }

    private static double TrainStep(nn.Module<Tensor, Tensor> master, nn.Module<Tensor, Tensor>? copy, Adam optimizer, Tensor noisy, Tensor noise)
    {
        optimizer.ZeroGrad();
        return copy is null ? StepFloat32(master, noisy, noise) : StepBFloat16(master, copy, noisy, noise);
    }

    private static double RecomputeInFloat32(nn.Module<Tensor, Tensor> master, Adam optimizer, Tensor noisy, Tensor noise, long step)
    {
        foreach (var oneDnn in new[] { true, false })
        {
            TorchNative.SetMkldnnEnabled(oneDnn);
            try
            {
                double loss = TrainStep(master, null, optimizer, noisy, noise);
                if (FirstNonFinite(master) is null)
                    return loss;
            }
            finally
            {
                TorchNative.SetMkldnnEnabled(true);
            }
        }
        throw new InvalidOperationException($"Step {step}: the gradients are not finite, even in float32 without oneDNN.");
    }

    /// <summary>The name of the first parameter whose gradient is not finite, or null.</summary>
    private static string? FirstNonFinite(nn.Module<Tensor, Tensor> network)
    {
        using var scope = NewDisposeScope();
        return network.named_parameters().Where(p => p.parameter.grad is { } g && !g.isfinite().all().item<bool>())
            .Select(p => p.name).FirstOrDefault();
    }

    private static double StepFloat32(nn.Module<Tensor, Tensor> network, Tensor noisy, Tensor noise)
    {
        network.train();
        var loss = nn.functional.mse_loss(network.forward(noisy), noise);
        loss.backward();
        return loss.item<float>();
    }

    // Forward and backward in the bfloat16 copy (with the master's weights and statistics), the loss in float32; the
    // gradients go to the master's parameters and the copy's updated batch-norm statistics to the master's buffers.
    private static double StepBFloat16(nn.Module<Tensor, Tensor> master, nn.Module<Tensor, Tensor> copy, Tensor noisy, Tensor noise)
    {
        CopyInto(master, copy);
        copy.train();
        copy.zero_grad();
        var output = copy.forward(noisy.to_type(ScalarType.BFloat16)).to_type(ScalarType.Float32);
        var loss = nn.functional.mse_loss(output, noise);
        loss.backward();
        using (no_grad())
        {
            foreach (var (to, from) in master.parameters().Zip(copy.parameters()))
                to.grad = from.grad?.to_type(ScalarType.Float32);
            CopyAll(copy.buffers(), master.buffers());
        }
        return loss.item<float>();
    }

    private static void CopyInto(nn.Module<Tensor, Tensor> master, nn.Module<Tensor, Tensor> copy)
    {
        using var noGrad = no_grad();
        CopyAll(master.parameters(), copy.parameters());
        CopyAll(master.buffers(), copy.buffers());
    }

    // Same modules, so the same order; copy_ casts between float32 and bfloat16.
    private static void CopyAll(IEnumerable<Tensor> from, IEnumerable<Tensor> to)
    {
        foreach (var (source, target) in from.Zip(to))
            target.copy_(source);
    }

    // The entry's score: image i's noise from a generator seeded 2017 + i, not clipped; the restored image rounded to 8 bits.
    private static double Score(nn.Module<Tensor, Tensor> network, LoadedImageList images, ScalarType type)
    {
        network.eval();
        double sum = 0;
        using var noGrad = no_grad();
        for (int i = 0; i < images.Images.Count; i++)
        {
            using var scope = NewDisposeScope();
            var clean = images.Images[i].unsqueeze(0);
            using var generator = new Generator(TestNoiseSeed + (ulong)i);
            var noisy = clean.add(randn(clean.shape, generator: generator).mul(HeldScalars.Of(Sigma)));
            var noise = network.forward(noisy.to_type(type)).to_type(ScalarType.Float32);
            var restored = noisy.sub(noise).clamp(HeldScalars.Zero, HeldScalars.One).mul(HeldScalars.Of(255.0)).round().div(HeldScalars.Of(255.0));
            sum += ReconstructionMetrics.PsnrPerImage(clean, restored)[0];
        }
        return sum / images.Images.Count;
    }
}
