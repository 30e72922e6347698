using Autoencoder.Fuzz;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests;

/// <summary>A fixed sample of tests/Autoencoder.Fuzz, so CI runs the same mutations and checks on every build.</summary>
public class FuzzSampleTests
{
    [Fact]
    public void Mutated_models_never_crash_the_generator_never_go_unreported_and_accepted_ones_compile()
    {
        var summary = FuzzEngine.Run(seed: 20261124, count: 300);

        var failures = string.Join("\n\n", summary.Failures);
        summary.GeneratorExceptions.ShouldBe(0, failures);
        summary.SilentlyIgnored.ShouldBe(0, failures);
        summary.BrokenOutputs.ShouldBe(0, failures);

        // The sample must also reach the compile check, or (c) would pass vacuously.
        summary.Accepted.ShouldBeGreaterThan(10);
    }
}
