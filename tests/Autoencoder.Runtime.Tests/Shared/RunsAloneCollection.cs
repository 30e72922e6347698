using Xunit;

namespace Autoencoder.Runtime.Tests.Shared;

/// <summary>
/// Tests that time child processes: they run after the parallel tests and one at a time, so other tests' load on
/// the cores does not shift the moments they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAloneCollection
{
    public const string Name = "Runs alone";
}
