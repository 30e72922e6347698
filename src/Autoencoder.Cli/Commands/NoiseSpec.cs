using System;
using System.Globalization;
using Autoencoder.Runtime.Corruption;
using Autoencoder.Runtime.Models;
using static TorchSharp.torch;

namespace Autoencoder.Cli.Commands;

/// <summary>The <c>--noise</c> value of <c>denoise</c>: <c>model</c>, <c>none</c>, <c>gaussian:σ</c>, <c>masking:f</c> or <c>salt-and-pepper:f</c>.</summary>
internal static class NoiseSpec
{
    public const string Help = "How to corrupt the input images before restoring them: 'model' (the noise the model was trained on), " +
                               "gaussian:SIGMA (e.g. gaussian:0.3), masking:FRACTION (e.g. masking:0.25), salt-and-pepper:FRACTION, " +
                               "or 'none' when the inputs are already noisy (then no PSNR/SSIM, as there are no originals)";

    /// <summary>Null for <c>none</c>; otherwise images to corrupted images, with noise from <paramref name="generator"/>.</summary>
    public static Func<Tensor, Tensor>? Parse(string text, IDenoisingAutoencoder model, Generator generator)
    {
        if (text == "none")
            return null;
        if (text == "model")
            return images => model.Corrupt(images, generator);
        var parts = text.Split(':');
        if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                              || !double.IsFinite(amount) || amount < 0)
            throw new CliException($"--noise '{text}' is not one of model, none, gaussian:SIGMA, masking:FRACTION, salt-and-pepper:FRACTION");
        if (parts[0] != "gaussian" && amount > 1)
            throw new CliException($"--noise '{text}': the fraction of pixels must be between 0 and 1");
        return parts[0] switch
        {
            "gaussian" => images => ImageCorruption.Gaussian(images, amount, generator),
            "masking" => images => ImageCorruption.Masking(images, amount, generator),
            "salt-and-pepper" => images => ImageCorruption.SaltAndPepper(images, amount, generator),
            _ => throw new CliException($"--noise '{text}': unknown noise '{parts[0]}' (gaussian, masking, salt-and-pepper)"),
        };
    }
}
