using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Autoencoder.Runtime.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoder.Benchmarks;

/// <summary>
/// Training-step time of the two networks issue 16 trains — a learned codec's transforms (Ballé et al.: four 5×5 stride-2
/// convolutions with GDN, N = 128, M = 192, and their transposed mirror with IGDN) on 8 RGB patches of 256² and a DnCNN
/// (17 layers of 3×3 convolutions, 64 channels, batch norm and ReLU) on 16 grey patches of 50² — in float32 and bfloat16
/// (weights and activations), each with the NCHW layout and with channels last, alternating in one process. Prints the
/// median forward-and-backward time of each, its speed against float32 NCHW, and how far its loss and output are from
/// float32's. It reports; it does not fail.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 has no autocast and no memory-format argument: bfloat16 here is the whole network converted, and
/// channels last is an NCHW tensor with NHWC strides (<c>x.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2)</c>),
/// which libtorch's convolutions detect.
/// </remarks>
internal static class PrecisionBenchmark
{
    // Type: the network's weights and activations. BFloat16Convolutions: float32 weights (the optimizer's master copy) and
    // float32 everywhere else, with each convolution run in bfloat16 on cast copies, as PyTorch's autocast runs them.
    private sealed record Setting(string Name, ScalarType Type, bool ChannelsLast, bool BFloat16Convolutions = false);

    private static readonly Setting[] Settings =
    [
        new("float32 NCHW", ScalarType.Float32, false),
        new("float32 channels last", ScalarType.Float32, true),
        new("bfloat16 NCHW", ScalarType.BFloat16, false),
        new("bfloat16 channels last", ScalarType.BFloat16, true),
        new("float32, bf16 convolutions", ScalarType.Float32, false, BFloat16Convolutions: true),
    ];

    public static int Run(int rounds)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Precision and layout: forward + backward of one training step, {rounds} rounds alternating the settings; torch threads {get_num_threads()}"));
        Measure("codec (GDN, N=128, M=192), batch 8×3×256×256", Codec, () => rand(8, 3, 256, 256), rounds);
        Measure("DnCNN (17 layers, 64 channels), batch 16×1×50×50", DnCnn, () => rand(16, 1, 50, 50), rounds);
        return 0;
    }

    private static void Measure(string title, Func<bool, nn.Module<Tensor, Tensor>> build, Func<Tensor> batch, int rounds)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        manual_seed(3).Dispose();
        using var input = batch();
        var networks = new List<nn.Module<Tensor, Tensor>>();
        foreach (var setting in Settings)
        {
            manual_seed(7).Dispose();
            var network = build(setting.BFloat16Convolutions);
            network.to(setting.Type);
            network.train();
            networks.Add(network);
        }

        var times = Settings.Select(_ => new List<double>()).ToArray();
        var losses = new double[Settings.Length];
        var outputs = new Tensor?[Settings.Length];
        for (var round = 0; round <= rounds; round++)
        {
            for (var s = 0; s < Settings.Length; s++)
            {
                var (seconds, loss, output) = Step(networks[s], input, Settings[s]);
                if (round == 0)
                {
                    // The first step of each setting warms up its kernels: kept for the comparison, not timed.
                    losses[s] = loss;
                    outputs[s] = output;
                    continue;
                }

                output.Dispose();
                times[s].Add(seconds);
            }
        }

        var reference = Median(times[0]);
        for (var s = 0; s < Settings.Length; s++)
        {
            using var difference = (outputs[s]! - outputs[0]!).abs().max();
            var median = Median(times[s]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {Settings[s].Name,-27} {median * 1000,8:F0} ms/step  {reference / median,5:F2}× float32 NCHW's speed  " +
                $"loss {losses[s]:G5}{(double.IsFinite(losses[s]) ? "" : " (not finite)")}  max |output − float32's| {difference.item<float>():G3}"));
        }

        foreach (var output in outputs)
            output?.Dispose();
        foreach (var network in networks)
            network.Dispose();
    }

    // One forward and backward pass; the loss is the mean squared error against the input (how both networks train).
    private static (double Seconds, double Loss, Tensor Output) Step(nn.Module<Tensor, Tensor> network, Tensor input, Setting setting)
    {
        using var scope = NewDisposeScope();
        var x = input.to_type(setting.Type);
        if (setting.ChannelsLast)
            x = x.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);
        network.zero_grad();
        var clock = Stopwatch.StartNew();
        var output = network.forward(x);
        var loss = nn.functional.mse_loss(output, x);
        loss.backward();
        clock.Stop();
        var value = loss.to_type(ScalarType.Float64).item<double>();
        return (clock.Elapsed.TotalSeconds, value, output.detach().to_type(ScalarType.Float32).contiguous().MoveToOuterDisposeScope());
    }

    private static nn.Module<Tensor, Tensor> Codec(bool bf16Convolutions)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        long[] widths = [3, 128, 128, 128, 192];
        for (var i = 0; i < 4; i++)
        {
            layers.Add(($"analysis{i}", Convolution(nn.Conv2d(widths[i], widths[i + 1], 5, stride: 2, padding: 2), bf16Convolutions, 2, 2, 0)));
            if (i < 3)
                layers.Add(($"gdn{i}", new Gdn($"gdn{i}", widths[i + 1])));
        }

        for (var i = 4; i > 0; i--)
        {
            layers.Add(($"synthesis{i}", Convolution(nn.ConvTranspose2d(widths[i], widths[i - 1], 5, stride: 2, padding: 2, output_padding: 1), bf16Convolutions, 2, 2, 1)));
            if (i > 1)
                layers.Add(($"igdn{i}", new Gdn($"igdn{i}", widths[i - 1], inverse: true)));
        }

        return nn.Sequential(layers);
    }

    internal static nn.Module<Tensor, Tensor> DnCnn(bool bf16Convolutions)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("conv0", Convolution(nn.Conv2d(1, 64, 3, padding: 1), bf16Convolutions, 1, 1, 0)),
            ("relu0", nn.ReLU()),
        };
        for (var i = 1; i < 16; i++)
        {
            layers.Add(($"conv{i}", Convolution(nn.Conv2d(64, 64, 3, padding: 1, bias: false), bf16Convolutions, 1, 1, 0)));
            layers.Add(($"norm{i}", nn.BatchNorm2d(64)));
            layers.Add(($"relu{i}", nn.ReLU()));
        }

        // 64 → 1: as the generated DnCNN runs it, through zero filters up to 16 outputs so oneDNN's backward is right.
        var last = nn.Conv2d(64, 1, 3, padding: 1);
        layers.Add(("conv16", bf16Convolutions ? Convolution(last, true, 1, 1, 0) : new PaddedConvolution(last)));
        return nn.Sequential(layers);
    }

    private static nn.Module<Tensor, Tensor> Convolution(nn.Module<Tensor, Tensor> convolution, bool bf16, long stride, long padding, long outputPadding)
        => bf16 ? new BFloat16Convolution(convolution, stride, padding, outputPadding) : convolution;

    /// <summary>A stride-1 convolution of padding 1 run through <see cref="PaddedOutputConvolution"/>, as generated code runs it.</summary>
    private sealed class PaddedConvolution : nn.Module<Tensor, Tensor>
    {
        private readonly TorchSharp.Modules.Conv2d _inner;

        public PaddedConvolution(TorchSharp.Modules.Conv2d inner) : base("padded")
        {
            _inner = inner;
            register_module("inner", inner);
        }

        public override Tensor forward(Tensor input) => PaddedOutputConvolution.Forward(_inner, input, padding: 1, dilation: 1);
    }

    /// <summary>A convolution whose float32 weights stay the trained ones, run in bfloat16 on cast copies of them and of its input.</summary>
    private sealed class BFloat16Convolution : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> _inner;
        private readonly long[] _stride, _padding, _outputPadding;
        private readonly bool _transposed;

        public BFloat16Convolution(nn.Module<Tensor, Tensor> inner, long stride, long padding, long outputPadding) : base("bf16")
        {
            _inner = inner;
            _transposed = inner is TorchSharp.Modules.ConvTranspose2d;
            _stride = [stride, stride];
            _padding = [padding, padding];
            _outputPadding = [outputPadding, outputPadding];
            register_module("inner", inner);
        }

        public override Tensor forward(Tensor input)
        {
            using var scope = NewDisposeScope();
            var (weight, bias) = _inner switch
            {
                TorchSharp.Modules.Conv2d c => (c.weight!, c.bias),
                TorchSharp.Modules.ConvTranspose2d t => (t.weight!, t.bias),
                _ => throw new InvalidOperationException("Not a convolution."),
            };
            var x = input.to_type(ScalarType.BFloat16);
            var w = weight.to_type(ScalarType.BFloat16);
            var b = bias?.to_type(ScalarType.BFloat16);
            var output = _transposed
                ? nn.functional.conv_transpose2d(x, w, b, _stride, _padding, _outputPadding)
                : nn.functional.conv2d(x, w, b, _stride, _padding);
            return output.to_type(ScalarType.Float32).MoveToOuterDisposeScope();
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }
}
