using System;
using System.IO;
using Autoencoder.Runtime.Features;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Features;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class CodeExportTests
{
    [Fact]
    public void Codes_are_encoded_in_batches_in_eval_mode_and_flattened()
    {
        using var inputs = ones(7, 1, 4, 4);
        using var dropout = nn.Dropout(0.9);
        dropout.train();
        // A "convolutional" code [B, 2, 2, 2]: flattened to 8 numbers per sample.
        Tensor Encode(Tensor x) => dropout.forward(x).reshape(x.shape[0], 2, 2, 4).narrow(3, 0, 2);

        using var codes = CodeExport.Encode(dropout, Encode, inputs, batchSize: 3);

        codes.shape.ShouldBe(new long[] { 7, 8 });
        codes.dtype.ShouldBe(ScalarType.Float32);
        codes.eq(1).all().item<bool>().ShouldBeTrue(); // eval mode: dropout is the identity
        dropout.training.ShouldBeTrue();
    }

    [Fact]
    public void An_encoder_that_changes_the_batch_size_is_reported()
    {
        using var inputs = ones(4, 3);
        using var model = nn.Identity();
        Should.Throw<InvalidOperationException>(() => CodeExport.Encode(model, x => x.sum(), inputs)).Message.ShouldContain("[B, ...]");
    }

    [Fact]
    public void Csv_has_a_header_and_one_row_per_sample_that_reads_back_exactly()
    {
        using var codes = tensor(new float[] { 0.1f, -2f, 1e-7f, 3.5f }).reshape(2, 2);
        using var labels = tensor(new long[] { 7, 1 });
        using var directory = new TempDirectory();
        var path = directory.File("codes.csv");

        CodeExport.WriteCsv(path, codes, labels);

        var lines = File.ReadAllLines(path);
        lines.ShouldBe(new[] { "label,code0,code1", "7,0.1,-2", "1,1E-07,3.5" });
        float.Parse(lines[1].Split(',')[1], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(0.1f);
    }

    [Fact]
    public void Npy_export_needs_a_matrix()
    {
        using var directory = new TempDirectory();
        using var codes = zeros(2, 2, 2);
        Should.Throw<ArgumentException>(() => CodeExport.WriteNpy(directory.File("x.npy"), codes)).Message.ShouldContain("[N, D]");
    }
}
