using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.IO;

/// <summary>What a model file says about the model it holds.</summary>
/// <param name="ModelName">The name the model was saved under (for the command-line tool, its registry name).</param>
/// <param name="Fingerprint">The model's architecture <c>Fingerprint</c>, as generated.</param>
/// <param name="FormatVersion">The file format's version.</param>
public sealed record ModelFileHeader(string ModelName, string Fingerprint, int FormatVersion);

/// <summary>
/// A trained model in one file: which model it is (a name and the architecture fingerprint) and its weights, so a
/// program can refuse a file written for another model before it touches any weight. Layout: the magic
/// <c>AEMODEL\n</c>, a format version (int32), the name and fingerprint (length-prefixed UTF-8), the weights in
/// TorchSharp's format (<see cref="Weights"/>) after their length (int64), and a SHA-256 of everything before it. Each
/// weight records its dtype, so a file written with <see cref="WeightStorage.Float16"/> needs no other marker.
/// </summary>
public static class ModelFile
{
    /// <summary>The format version written; a file with another one is refused.</summary>
    public const int FormatVersion = 1;

    private static readonly byte[] Magic = "AEMODEL\n"u8.ToArray();
    private const int HashLength = 32;

    /// <summary>Writes <paramref name="model"/>'s weights with its identity to <paramref name="path"/>, atomically (an existing file is replaced only when the new one is complete).</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="modelName">The name the model is saved under.</param>
    /// <param name="fingerprint">The model's architecture fingerprint.</param>
    /// <param name="model">The module whose parameters and buffers are written.</param>
    /// <param name="storage">Float16 rounds float32 weights to half their size (for weights that ship); the default keeps them exactly.</param>
    public static void Save(string path, string modelName, string fingerprint, nn.Module model, WeightStorage storage = WeightStorage.Float32)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelName);
        ArgumentException.ThrowIfNullOrWhiteSpace(fingerprint);
        ArgumentNullException.ThrowIfNull(model);

        using var weights = new MemoryStream();
        using (var weightsWriter = new BinaryWriter(weights, Encoding.UTF8, leaveOpen: true))
        {
            if (storage == WeightStorage.Float32)
                model.save(weightsWriter);
            else
                WeightsFileWriter.WriteFloat16(weightsWriter, model);
        }

        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(modelName);
            writer.Write(fingerprint);
            writer.Write(weights.Length);
            writer.Write(weights.GetBuffer(), 0, (int)weights.Length);
        }
        var hash = SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length));
        AtomicFile.Write(path, stream =>
        {
            stream.Write(body.GetBuffer(), 0, (int)body.Length);
            stream.Write(hash);
        });
    }

    /// <summary>Reads and checks the file (magic, version, checksum) and returns what model it holds, without loading weights.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="ModelFileException">The file is not a model file, has another format version, or is damaged.</exception>
    public static ModelFileHeader ReadHeader(string path) => Read(path).Header;

    /// <summary>
    /// Loads the weights of the file into <paramref name="model"/> after checking that the file holds the model
    /// <paramref name="modelName"/> with architecture <paramref name="fingerprint"/>; on any failure the module is unchanged.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="ModelFileException">The file is damaged, or holds another model or architecture.</exception>
    public static void Load(string path, string modelName, string fingerprint, nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Load(path, _ => (model, modelName, fingerprint));
    }

    /// <summary>
    /// Reads the file once and lets <paramref name="choose"/> pick, from its header, the module to load it into together with
    /// the model name and fingerprint that module has; then loads as <see cref="Load(string, string, string, nn.Module)"/> does.
    /// For a program that decides what to create from the file itself. Weights stored as float16 are widened to the module's float32.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="ModelFileException">The file is damaged, or holds another model or architecture than chosen.</exception>
    public static void Load(string path, Func<ModelFileHeader, (nn.Module Model, string ModelName, string Fingerprint)> choose)
    {
        ArgumentNullException.ThrowIfNull(choose);
        var (header, weightsStart, weightsLength, bytes) = Read(path);
        var (model, modelName, fingerprint) = choose(header);
        if (!string.Equals(header.ModelName, modelName, StringComparison.Ordinal))
            throw new ModelFileException(path, $"holds the model '{header.ModelName}', not '{modelName}'");
        if (!string.Equals(header.Fingerprint, fingerprint, StringComparison.Ordinal))
            throw new ModelFileException(path,
                $"holds '{modelName}' with architecture fingerprint {header.Fingerprint}, but this program's '{modelName}' has {fingerprint} (its declaration changed since the file was written; train it again)");

        try
        {
            ModuleStateLoader.Load(model, path, _ =>
            {
                using var weights = new MemoryStream(bytes, weightsStart, weightsLength, writable: false);
                return WeightsFileReader.Read(weights, "its weights section is not a TorchSharp weights file");
            }, widenFloat16: true);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException)
        {
            throw new ModelFileException(path, e.Message);
        }
    }

    private static (ModelFileHeader Header, int WeightsStart, int WeightsLength, byte[] Bytes) Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
            throw new ModelFileException(path, "is a directory, not a model file");
        if (!File.Exists(path))
            throw new FileNotFoundException($"Model file '{path}' does not exist.", path);
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < Magic.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new ModelFileException(path, "is not a model file (it does not start with the model-file magic AEMODEL)");
        if (bytes.Length < Magic.Length + 4 + HashLength)
            throw new ModelFileException(path, "is truncated");

        int bodyLength = bytes.Length - HashLength;
        if (!SHA256.HashData(bytes.AsSpan(0, bodyLength)).AsSpan().SequenceEqual(bytes.AsSpan(bodyLength)))
            throw new ModelFileException(path, "is damaged (its SHA-256 checksum does not match its contents; truncated or modified)");

        try
        {
            using var stream = new MemoryStream(bytes, 0, bodyLength, writable: false);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            stream.Position = Magic.Length;
            int version = reader.ReadInt32();
            if (version != FormatVersion)
                throw new ModelFileException(path, $"has format version {version}; this program reads version {FormatVersion}");
            string name = reader.ReadString();
            string fingerprint = reader.ReadString();
            long weightsLength = reader.ReadInt64();
            if (weightsLength < 0 || weightsLength != bodyLength - stream.Position)
                throw new ModelFileException(path, "has an inconsistent weights length");
            return (new ModelFileHeader(name, fingerprint, version), (int)stream.Position, (int)weightsLength, bytes);
        }
        catch (EndOfStreamException)
        {
            throw new ModelFileException(path, "ends in the middle of its header");
        }
    }
}
