using Xunit;

namespace Autoencoder.Runtime.Tests.Training;

/// <summary>
/// torch.manual_seed and the default generator are process-wide, and Fit reseeds them: tests that train or draw
/// random numbers run one at a time and apart from other parallel tests, or determinism checks would be flaky.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchGlobalStateCollection
{
    public const string Name = "Torch global state";
}
