using System;
using System.Threading.Tasks;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Compression.Deterministic;

/// <summary>What follows a <see cref="DoubleConvolution"/>: nothing, ReLU, or the absolute value.</summary>
public enum DoubleActivation
{
    /// <summary>The convolution's output as it is.</summary>
    None,

    /// <summary>max(x, 0).</summary>
    ReLU,

    /// <summary>|x|.</summary>
    Abs,
}

/// <summary>
/// A 2-D convolution or transposed convolution evaluated in C# double arithmetic with a fixed order of summation: each
/// output element adds its bias, then its terms in input-channel, kernel-row, kernel-column order. The result is the same
/// bits on every machine, whatever libtorch's kernels, thread count or instruction set would do — what a stream's coding
/// tables must depend on (Ballé et al. 2019, "Integer networks for data compression", make the same point).
/// </summary>
/// <remarks>
/// Output channels run in parallel; each element's sum is computed by one thread in the fixed order, so parallelism
/// changes the time, not the bits. .NET never fuses a multiply and an add unless asked, so every step is IEEE-rounded.
/// </remarks>
public sealed class DoubleConvolution
{
    private readonly double[] _weight;
    private readonly double[] _bias;

    private DoubleConvolution(double[] weight, double[] bias, int inChannels, int outChannels, int kernel, int stride, int padding,
        int outputPadding, bool transposed, DoubleActivation activation)
    {
        _weight = weight;
        _bias = bias;
        InChannels = inChannels;
        OutChannels = outChannels;
        Kernel = kernel;
        Stride = stride;
        Padding = padding;
        OutputPadding = outputPadding;
        Transposed = transposed;
        Activation = activation;
    }

    /// <summary>Input channels.</summary>
    public int InChannels { get; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>The square kernel's side.</summary>
    public int Kernel { get; }

    /// <summary>The stride.</summary>
    public int Stride { get; }

    /// <summary>The zero padding (for a transposed convolution, what is cut from each side of the full output, as in PyTorch).</summary>
    public int Padding { get; }

    /// <summary>Rows and columns added below and to the right of a transposed convolution's output.</summary>
    public int OutputPadding { get; }

    /// <summary>Whether it is a transposed convolution.</summary>
    public bool Transposed { get; }

    /// <summary>What follows it.</summary>
    public DoubleActivation Activation { get; }

    /// <summary>
    /// Copies a convolution's weights ([out, in, k, k]; a transposed one's [in, out, k, k], as PyTorch stores them) and bias
    /// into doubles. Groups and dilation other than 1 are not supported.
    /// </summary>
    public static DoubleConvolution Of(Tensor weight, Tensor? bias, int stride, int padding, bool transposed = false, int outputPadding = 0,
        DoubleActivation activation = DoubleActivation.None)
    {
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.dim() != 4 || weight.shape[2] != weight.shape[3])
            throw new ArgumentException($"Expected a square kernel [out, in, k, k], got [{string.Join(", ", weight.shape)}].", nameof(weight));
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        ArgumentOutOfRangeException.ThrowIfNegative(outputPadding);
        if (outputPadding >= stride && outputPadding > 0)
            throw new ArgumentOutOfRangeException(nameof(outputPadding), outputPadding, "The output padding is smaller than the stride.");
        int inChannels = (int)weight.shape[transposed ? 0 : 1], outChannels = (int)weight.shape[transposed ? 1 : 0], kernel = (int)weight.shape[2];
        using var weights = weight.detach().cpu().to_type(ScalarType.Float64).contiguous();
        var values = weights.data<double>().ToArray();
        var biases = new double[outChannels];
        if (bias is not null)
        {
            if (bias.dim() != 1 || bias.shape[0] != outChannels)
                throw new ArgumentException($"Expected a bias [{outChannels}], got [{string.Join(", ", bias.shape)}].", nameof(bias));
            using var b = bias.detach().cpu().to_type(ScalarType.Float64).contiguous();
            biases = b.data<double>().ToArray();
        }

        return new DoubleConvolution(values, biases, inChannels, outChannels, kernel, stride, padding, outputPadding, transposed, activation);
    }

    /// <summary>The output's height and width for an input of <paramref name="height"/>×<paramref name="width"/>.</summary>
    public (int Height, int Width) OutputSize(int height, int width) => Transposed
        ? ((height - 1) * Stride - 2 * Padding + Kernel + OutputPadding, (width - 1) * Stride - 2 * Padding + Kernel + OutputPadding)
        : ((height + 2 * Padding - Kernel) / Stride + 1, (width + 2 * Padding - Kernel) / Stride + 1);

    /// <summary>Applies the layer to one image [C, H, W] held row-major in <paramref name="input"/>.</summary>
    public double[] Apply(double[] input, int height, int width, out int outHeight, out int outWidth)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Length != (long)InChannels * height * width)
            throw new ArgumentException($"Expected {InChannels}×{height}×{width} values, got {input.Length}.", nameof(input));
        var (h, w) = OutputSize(height, width);
        if (h <= 0 || w <= 0)
            throw new ArgumentException($"A {height}×{width} input gives no output.", nameof(height));
        outHeight = h;
        outWidth = w;
        var output = new double[(long)OutChannels * h * w];
        Parallel.For(0, OutChannels, o =>
        {
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    var sum = _bias[o] + (Transposed ? TransposedTerms(input, height, width, o, y, x) : Terms(input, height, width, o, y, x));
                    output[((long)o * h + y) * w + x] = Activation switch
                    {
                        DoubleActivation.ReLU => sum > 0 ? sum : 0,
                        DoubleActivation.Abs => Math.Abs(sum),
                        _ => sum,
                    };
                }
            }
        });
        return output;
    }

    // Σ over input channel i, kernel row u, column v of w[o, i, u, v] · x[i, y·s − p + u, x·s − p + v], in that order.
    private double Terms(double[] input, int height, int width, int o, int y, int x)
    {
        double sum = 0;
        for (var i = 0; i < InChannels; i++)
        {
            for (var u = 0; u < Kernel; u++)
            {
                var row = y * Stride - Padding + u;
                if (row < 0 || row >= height)
                    continue;
                for (var v = 0; v < Kernel; v++)
                {
                    var column = x * Stride - Padding + v;
                    if (column < 0 || column >= width)
                        continue;
                    sum += _weight[((o * InChannels + i) * Kernel + u) * Kernel + v] * input[((long)i * height + row) * width + column];
                }
            }
        }

        return sum;
    }

    // The transposed convolution as a gather: output (y, x) receives w[i, o, u, v] · x[i, r, c] wherever r·s − p + u = y.
    private double TransposedTerms(double[] input, int height, int width, int o, int y, int x)
    {
        double sum = 0;
        for (var i = 0; i < InChannels; i++)
        {
            for (var u = 0; u < Kernel; u++)
            {
                var rowStride = y + Padding - u;
                if (rowStride < 0 || rowStride % Stride != 0 || rowStride / Stride >= height)
                    continue;
                var row = rowStride / Stride;
                for (var v = 0; v < Kernel; v++)
                {
                    var columnStride = x + Padding - v;
                    if (columnStride < 0 || columnStride % Stride != 0 || columnStride / Stride >= width)
                        continue;
                    sum += _weight[((i * OutChannels + o) * Kernel + u) * Kernel + v] * input[((long)i * height + row) * width + columnStride / Stride];
                }
            }
        }

        return sum;
    }
}
