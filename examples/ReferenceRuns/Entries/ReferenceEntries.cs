using System.Collections.Generic;

namespace ReferenceRuns.Entries;

/// <summary>Every reference run, in the order the results table lists them.</summary>
internal static class ReferenceEntries
{
    public static IReadOnlyList<IReferenceEntry> All { get; } = new IReferenceEntry[]
    {
        new DeepAutoencoder2006Entry(),
        new LinearProbeEntry(),
        new DenoisingEntry(), new SparseEntry(), new ContractiveEntry(),
        new VaeEntry(),
        new VqVaeEntry(),
        new CompressionEntry(),
        new KodakEntry(),
        new Bsd68Entry(),
        new ColourDenoiseEntry(),
    };
}
