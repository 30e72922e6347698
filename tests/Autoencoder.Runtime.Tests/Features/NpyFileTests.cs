using System;
using System.IO;
using System.Linq;
using System.Text;
using Autoencoder.Runtime.Features;
using Autoencoder.Runtime.Tests.Shared;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Features;

public sealed class NpyFileTests
{
    [Fact]
    public void A_matrix_is_written_exactly_as_numpy_save_writes_it()
    {
        using var values = tensor(new float[] { 1f, -2.5f, 0f, 0.5f, 3f, -1f }).reshape(2, 3);
        using var directory = new TempDirectory();
        var path = directory.File("codes.npy");

        NpyFile.Write(path, values);

        // np.save("codes.npy", np.array([[1, -2.5, 0], [0.5, 3, -1]], dtype="<f4")): 118 = 0x76 header bytes, so the data start at 128.
        const string dictionary = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
        byte[] expectedHeader =
        [
            0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 0x01, 0x00, 0x76, 0x00,
            .. Encoding.ASCII.GetBytes(dictionary + new string(' ', 118 - dictionary.Length - 1) + "\n"),
        ];
        byte[] expectedData =
        [
            0x00, 0x00, 0x80, 0x3F, // 1
            0x00, 0x00, 0x20, 0xC0, // -2.5
            0x00, 0x00, 0x00, 0x00, // 0
            0x00, 0x00, 0x00, 0x3F, // 0.5
            0x00, 0x00, 0x40, 0x40, // 3
            0x00, 0x00, 0x80, 0xBF, // -1
        ];
        File.ReadAllBytes(path).ShouldBe(expectedHeader.Concat(expectedData).ToArray());
    }

    [Theory]
    [InlineData(new long[] { 5 }, "(5,)")]
    [InlineData(new long[] { 10000, 32 }, "(10000, 32)")]
    [InlineData(new long[] { 4, 1, 28, 28 }, "(4, 1, 28, 28)")]
    public void Every_header_is_aligned_to_64_bytes_and_ends_in_a_newline(long[] shape, string tuple)
    {
        var header = NpyFile.Header(shape);

        (header.Length % NpyFile.Alignment).ShouldBe(0);
        BitConverter.ToUInt16(header, 8).ShouldBe((ushort)(header.Length - 10));
        var text = Encoding.ASCII.GetString(header, 10, header.Length - 10);
        text.ShouldStartWith("{'descr': '<f4', 'fortran_order': False, 'shape': " + tuple + ", }");
        text.ShouldEndWith(" \n");
        text.TrimEnd('\n').TrimEnd(' ').ShouldEndWith("}");
    }

    [Fact]
    public void Doubles_are_written_as_float32()
    {
        using var values = tensor(new double[] { 0.25, 2 });

        var bytes = NpyFile.Encode(values);

        bytes.Length.ShouldBe(128 + 8);
        BitConverter.ToSingle(bytes, 128).ShouldBe(0.25f);
        BitConverter.ToSingle(bytes, 132).ShouldBe(2f);
    }
}
