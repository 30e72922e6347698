using System;
using System.IO;

namespace Autoencoder.Runtime.IO;

/// <summary>Tells a file PyBridge could not parse from a disk that could not be read.</summary>
internal static class PyBridgeFailure
{
    /// <summary>
    /// PyBridge has no exception of its own for malformed input; its parsers throw, among others,
    /// a not-implemented error for a format or dtype they do not read, InvalidCastException or Razorvine's PickleException for an odd pickle, ZipArchive's
    /// InvalidDataException, EndOfStreamException for missing bytes, TorchSharp's ExternalException for an impossible
    /// shape. Reading touches no module, so everything except an I/O failure means the file is not what it claims to be.
    /// </summary>
    public static bool MeansMalformedFile(Exception e) =>
        e is EndOfStreamException || e is not (IOException or UnauthorizedAccessException or OutOfMemoryException);
}
