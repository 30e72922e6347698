using System.Linq;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training;

/// <summary>Where a model's parameters live, so that batches read from host memory can follow it.</summary>
internal static class ModelDevice
{
    public static Device Of(nn.Module model) => model.parameters().FirstOrDefault()?.device ?? CPU;
}
