using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.IO;

namespace Autoencoder.Cli.Photos;

/// <summary>
/// The files a photo command writes, held as bytes (PNGs and streams, small beside the photos' float tensors) until every
/// photo has been computed: a failure on the last photo leaves the output folder as it was. Each name is checked when it is
/// added: two photos may not share an output (a.png and a.jpg), and no output may replace an input file.
/// </summary>
internal sealed class StagedOutputs
{
    private readonly string _folder;
    private readonly HashSet<string> _inputs;
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _order = [];

    public StagedOutputs(string folder, IEnumerable<string> inputs)
    {
        if (File.Exists(folder))
            throw new CliException($"--out '{folder}' is a file; give a folder for the results");
        _folder = folder;
        _inputs = new HashSet<string>(inputs.Select(Path.GetFullPath), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Holds <paramref name="data"/> for <paramref name="relativePath"/> under the folder; returns the path it will be written to.</summary>
    public string Add(string relativePath, byte[] data)
    {
        var path = Path.Combine(_folder, relativePath);
        var full = Path.GetFullPath(path);
        if (_inputs.Contains(full))
            throw new CliException($"'{path}' is one of the input files; give --out a folder that holds no inputs");
        if (!_files.TryAdd(full, data))
            throw new CliException($"two inputs would both be written to '{path}' (their names differ only in the extension or in case); rename one");
        _order.Add(full);
        return path;
    }

    /// <summary>Writes every file, each atomically, in the order they were added.</summary>
    public void WriteAll()
    {
        foreach (var full in _order)
            AtomicFile.WriteAllBytes(full, _files[full]);
    }
}
