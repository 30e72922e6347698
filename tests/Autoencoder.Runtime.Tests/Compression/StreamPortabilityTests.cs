using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Testing;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace Autoencoder.Runtime.Tests.Compression;

/// <summary>
/// Hyperprior streams decode on another machine: the sample photos encoded in one process on one thread decode to the same
/// code, bit for bit, in a process on two threads and in one whose oneDNN may use AVX2 at most (ONEDNN_MAX_CPU_ISA), as
/// an older CPU would run it (tests/Autoencoder.StreamCheck).
/// </summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
[Collection(RunsAloneCollection.Name)]
public sealed class StreamPortabilityTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private static readonly Dictionary<string, string> Nothing = [];
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Streams_encoded_on_one_thread_decode_to_the_same_code_on_two_threads_and_with_avx2_only()
    {
        var weights = Path.Combine(_dir.Path, "weights.bin");
        var streams = Path.Combine(_dir.Path, "streams");
        var photos = Path.Combine(RepoPaths.Root, "samples", "photos");

        var encoded = Codes(Check(Nothing, "encode", weights, streams, photos));
        var twoThreads = Codes(Check(Nothing, "decode", weights, streams, "2"));
        var avx2 = Codes(Check(new Dictionary<string, string> { ["ONEDNN_MAX_CPU_ISA"] = "AVX2" }, "decode", weights, streams, "1"));

        encoded.Count.ShouldBe(5, "the five sample photos");
        twoThreads.ShouldBe(encoded);
        avx2.ShouldBe(encoded);
    }

    public void Dispose() => _dir.Dispose();

    private string Check(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var (exitCode, text) = BuiltProgram.Run("Autoencoder.StreamCheck", Timeout, environment, arguments);
        output.WriteLine(string.Join(' ', arguments) + ":\n" + text);
        exitCode.ShouldBe(0, text);
        return text;
    }

    // "<photo> <hash of its code> <width>x<height> ...": the photo, its code and its decoded size.
    private static List<string> Codes(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => string.Join(' ', line.Split(' ').Take(3)))
            .ToList();
}
