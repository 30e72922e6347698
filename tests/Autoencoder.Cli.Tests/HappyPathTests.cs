using System.Globalization;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.IO;
using Shouldly;
using Xunit;

namespace Autoencoder.Cli.Tests;

/// <summary>train `dense` on 300 digits, then score and embed the 100 test digits with the model file it wrote.</summary>
public sealed class HappyPathTests(MnistFixture mnist) : IClassFixture<MnistFixture>
{
    [Fact]
    public void Train_writes_a_model_file_for_dense_and_reports_learning()
    {
        mnist.TrainOutput.ShouldSucceed();
        mnist.TrainOutput.Out.ShouldContain("Epoch 4/4");
        mnist.TrainOutput.Out.ShouldContain("Saved 'dense'");
        // "Validation images: MSE 0.0xxxx, PSNR ..": an untrained dense model outputs about 0.5 everywhere, MSE above 0.15.
        var mse = System.Text.RegularExpressions.Regex.Match(mnist.TrainOutput.Out, @"Validation images: MSE ([0-9.]+)");
        mse.Success.ShouldBeTrue(mnist.TrainOutput.Out);
        double.Parse(mse.Groups[1].Value, CultureInfo.InvariantCulture).ShouldBeLessThan(0.1);
        var header = ModelFile.ReadHeader(mnist.DenseModel);
        header.ModelName.ShouldBe("dense");
        header.Fingerprint.ShouldBe(Models.DenseAutoencoder.Fingerprint);
    }

    [Fact]
    public void Anomaly_ranks_every_test_image_and_draws_the_worst()
    {
        var output = mnist.NewDirectory();
        var result = CliResult.Run("anomaly", mnist.Data, "--model", mnist.DenseModel, "--out", output, "--top", "8").ShouldSucceed();
        result.Out.ShouldContain("Most anomalous");

        var rows = File.ReadAllLines(Path.Combine(output, "scores.csv"));
        rows[0].ShouldBe("rank,index,error,source");
        rows.Length.ShouldBe(MnistFixture.TestCount + 1);
        var errors = rows.Skip(1).Select(r => double.Parse(r.Split(',')[2], CultureInfo.InvariantCulture)).ToArray();
        errors.ShouldBe(errors.OrderByDescending(e => e).ToArray());
        rows.Skip(1).Select(r => int.Parse(r.Split(',')[1], CultureInfo.InvariantCulture)).Distinct().Count().ShouldBe(MnistFixture.TestCount);
        // An untrained dense model outputs about 0.5 everywhere: MSE above 0.15 on mostly black digits. Trained, it is far below.
        errors.Average().ShouldBeLessThan(0.1);

        var png = File.ReadAllBytes(Path.Combine(output, "top.png"));
        png.Take(8).ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A });
    }

    [Fact]
    public void Embed_writes_labelled_csv_and_npy_codes()
    {
        var output = mnist.NewDirectory();
        var csv = Path.Combine(output, "codes.csv");
        CliResult.Run("embed", mnist.TestImages, "--model", mnist.DenseModel, "--out", csv).ShouldSucceed().Out.ShouldContain("[100, 32]");
        var lines = File.ReadAllLines(csv);
        lines.Length.ShouldBe(MnistFixture.TestCount + 1);
        lines[0].ShouldStartWith("label,code0,");
        lines[1].Split(',').Length.ShouldBe(33);
        lines[1].Split(',')[0].ShouldBe("7");   // the first MNIST test digit, its label read from the idx1 file beside the images

        var npy = Path.Combine(output, "codes.npy");
        CliResult.Run("embed", mnist.Data, "-m", mnist.DenseModel, "--out", npy, "--limit", "10").ShouldSucceed();
        var bytes = File.ReadAllBytes(npy);
        bytes.Take(6).ShouldBe(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' });
        bytes.Length.ShouldBeGreaterThan(10 * 32 * 4);
    }

    [Fact]
    public void Models_lists_every_registered_model()
    {
        var output = CliResult.Run("models").ShouldSucceed().Out;
        foreach (var name in new[] { "dense", "denoise", "inpaint", "vae" })
            output.ShouldContain(name + " ");
    }
}
