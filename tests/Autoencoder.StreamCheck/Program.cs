using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Autoencoder.Runtime.Compression;
using Autoencoder.Runtime.Imaging;
using Autoencoder.StreamCheck;
using static TorchSharp.torch;

// encode WEIGHTS STREAMS PHOTOS: a fresh codec (seeded), its weights saved, each photo of PHOTOS encoded on one thread into
//   STREAMS/<name>.aec; prints "<name> <hash of the code the encoder rounded>".
// decode WEIGHTS STREAMS THREADS: the saved weights loaded, each stream decoded on THREADS threads; prints "<name> <hash of
//   the decoded code>". Run it with ONEDNN_MAX_CPU_ISA=AVX2 (or any other ISA) to decode as another CPU would.
const string usage = "Usage: encode WEIGHTS STREAMS PHOTOS | decode WEIGHTS STREAMS THREADS";
if (args.Length != 4 || args[0] is not ("encode" or "decode"))
{
    Console.Error.WriteLine(usage);
    return 2;
}

var (weights, streams) = (args[1], args[2]);
// libtorch prints an NNPACK warning on CPUs NNPACK does not support; the output here is read line by line.
Autoencoder.Runtime.Training.TorchNative.DisableNnpack();
if (args[0] == "encode")
{
    set_num_threads(1);
    manual_seed(17).Dispose();
    using var model = new CheckCodec();
    model.save(weights);
    var codec = model.CreateCodec();
    Directory.CreateDirectory(streams);
    foreach (var photo in ImageFolder.Files(args[3]))
    {
        using var image = ImageFile.LoadNative(photo, 3, convertChannels: true);
        var stream = codec.Encode(image);
        var name = Path.GetFileNameWithoutExtension(photo);
        File.WriteAllBytes(Path.Combine(streams, name + CodecFiles.StreamExtension), stream);
        using var code = codec.DecodeCode(stream);
        var distinct = code.data<float>().ToArray().Distinct().Count();
        Console.WriteLine($"{name} {Hash(code)} {image.shape[2]}x{image.shape[1]} {stream.Length} bytes, {distinct} distinct code values");
    }

    return 0;
}

set_num_threads(int.Parse(args[3], CultureInfo.InvariantCulture));
using (var model = new CheckCodec())
{
    model.load(weights);
    var codec = model.CreateCodec();
    foreach (var file in Directory.GetFiles(streams, "*" + CodecFiles.StreamExtension).Order(StringComparer.Ordinal))
    {
        using var code = codec.DecodeCode(File.ReadAllBytes(file));
        using var image = codec.Decode(File.ReadAllBytes(file));
        Console.WriteLine($"{Path.GetFileNameWithoutExtension(file)} {Hash(code)} {image.shape[2]}x{image.shape[1]}");
    }
}

return 0;

static string Hash(Tensor code)
{
    var bits = code.contiguous().data<float>().ToArray().SelectMany(BitConverter.GetBytes).ToArray();
    return Convert.ToHexStringLower(SHA256.HashData(bits))[..16];
}
