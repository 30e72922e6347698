using System;
using System.Diagnostics;
using System.Globalization;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Models;
using static TorchSharp.torch;

namespace Autoencoder.Benchmarks;

/// <summary>
/// Tiled inference on a photograph: the peak resident memory of running one 6000×4000 RGB image through a fully
/// convolutional network of realistic width in tiles, against the resident memory before; then the largest difference
/// between the tiled and the untiled output on an image small enough for both. It reports; it does not fail.
/// </summary>
internal static class TiledBenchmark
{
    private const int Channels = 3;
    private const int Width = 64;
    private const long LargeHeight = 4000, LargeWidth = 6000;
    private const long SmallHeight = 512, SmallWidth = 768;

    public static int Run(int tileSize, int overlap)
    {
        var options = new TileOptions { TileSize = tileSize, Overlap = overlap };
        var geometry = ImageGeometry.Free(Channels, 2, 2, 2);
        manual_seed(1).Dispose();
        using var network = Network();
        network.eval();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Tiles: conv 3→{Width} 3×3, conv {Width}→{Width} 3×3 stride 2, transposed conv {Width}→3 4×4 stride 2 (random weights), " +
            $"tile {tileSize}, overlap {overlap}; torch threads {get_num_threads()}"));

        var baseline = MemorySample.Take();
        using var image = rand(Channels, LargeHeight, LargeWidth);
        var withImage = MemorySample.Take();
        var peakReset = MemorySample.ResetPeak();
        var clock = Stopwatch.StartNew();
        using (var output = TiledInference.Apply(image, geometry, network.forward, options))
        {
            clock.Stop();
            var after = MemorySample.Take();
            var bytes = LargeHeight * LargeWidth * Channels * sizeof(float);
            var firstActivation = LargeHeight * LargeWidth * Width * sizeof(float);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{LargeWidth}×{LargeHeight} image: {clock.Elapsed.TotalSeconds:F1} s ({LargeWidth * LargeHeight / 1e6 / clock.Elapsed.TotalSeconds:F2} Mpixel/s); " +
                $"image and output {Mib(bytes):F0} MiB each"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RSS: baseline (network loaded) {baseline.ResidentMiB:F0} MiB, with the input image {withImage.ResidentMiB:F0} MiB, " +
                $"peak while tiling {after.PeakResidentMiB:F0} MiB{(peakReset ? "" : " (process peak: VmHWM could not be reset)")}, after {after.ResidentMiB:F0} MiB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Peak above baseline {after.PeakResidentMiB - baseline.ResidentMiB:F0} MiB, of which input and output {2 * Mib(bytes):F0} MiB; " +
                $"untiled, the first {Width}-channel activation alone would be {Mib(firstActivation):F0} MiB"));
        }

        using var small = rand(Channels, SmallHeight, SmallWidth);
        using var tiled = TiledInference.Apply(small, geometry, network.forward, options);
        using (no_grad())
        {
            using var batch = small.unsqueeze(0);
            using var untiled = AnySize.Apply(batch, geometry, network.forward);
            using var difference = tiled.sub(untiled[0]).abs().max();
            using var scale = untiled.abs().max();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{SmallWidth}×{SmallHeight} image: max |tiled − untiled| {difference.item<float>():E2} (largest |output| {scale.item<float>():F3})"));
        }

        return 0;
    }

    private static nn.Module<Tensor, Tensor> Network() => nn.Sequential(
        nn.Conv2d(Channels, Width, 3, padding: 1),
        nn.ReLU(),
        nn.Conv2d(Width, Width, 3, stride: 2, padding: 1),
        nn.ReLU(),
        nn.ConvTranspose2d(Width, Channels, 4, stride: 2, padding: 1),
        nn.Sigmoid());

    private static double Mib(long bytes) => bytes / (1024.0 * 1024.0);
}
