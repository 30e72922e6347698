using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.IO;

/// <summary>
/// Reads a state_dict saved by <c>torch.save(model.state_dict(), path)</c> into new tensors, without touching any
/// module, through PyBridge's unpickler. The file is a zip archive (PyTorch 1.6 and later) holding <c>data.pkl</c>,
/// the pickled dictionary, and one record of raw bytes per tensor storage. The zip's central directory and CRCs
/// catch truncation and most corruption; the pickle says what each tensor is.
/// </summary>
internal static class StateDictFileReader
{
    /// <summary>Reads every tensor, sorted by name; created tensors belong to the caller's dispose scope.</summary>
    /// <exception cref="InvalidDataException">The file is not a complete torch.save state_dict.</exception>
    public static List<KeyValuePair<string, Tensor>> Read(string path)
    {
        Hashtable table;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            // PyBridge checks this too, but calls anything else "the old PyTorch format".
            if (!StartsLikeZip(stream))
                throw NotStateDict(path, "it is not a zip archive, which torch.save has written since PyTorch 1.6");
            try
            {
                table = PyTorchUnpickler.UnpickleStateDict(stream, leaveOpen: true);
            }
            catch (EndOfStreamException)
            {
                throw NotStateDict(path, "a tensor's record holds fewer bytes than its shape needs");
            }
            catch (Exception e) when (PyBridgeFailure.MeansMalformedFile(e))
            {
                throw NotStateDict(path, e.Message);
            }
        }

        var entries = new List<KeyValuePair<string, Tensor>>(table.Count);
        foreach (DictionaryEntry entry in table)
        {
            if (entry.Key is not string name || entry.Value is not Tensor value)
                throw NotStateDict(path,
                    $"its entry '{entry.Key}' is {entry.Value?.GetType().Name ?? "None"}, not a tensor " +
                    "(save model.state_dict() itself, not a checkpoint dictionary that holds it)");
            entries.Add(new(name, value));
        }
        // A Hashtable has no order; sorted, an error message names the same parameter every time.
        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return entries;
    }

    private static bool StartsLikeZip(Stream stream)
    {
        Span<byte> signature = stackalloc byte[4];
        bool zip = stream.ReadAtLeast(signature, signature.Length, throwOnEndOfStream: false) == signature.Length
            && signature.SequenceEqual("PK\x03\x04"u8);
        stream.Position = 0;
        return zip;
    }

    private static InvalidDataException NotStateDict(string path, string reason) =>
        new($"'{path}' is not a PyTorch state_dict file: {reason.TrimEnd('.')}.");
}
