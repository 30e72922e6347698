using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Autoencoder.Runtime.Training.Optimizers;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Training.Optimizers;

/// <summary>
/// Two identical models, one updated by TorchSharp's optimizer and one by the runtime's, fed the same batches: what the
/// equivalence tests compare. Collections are held off while TorchSharp's optimizer runs (its temporary Scalars are
/// what the runtime's optimizers exist to avoid), so its side finishes to be compared.
/// </summary>
internal sealed class TorchSharpTwin : IDisposable
{
    private readonly Tensor _data = SyntheticImages.Create(96, seed: 21);

    public TorchSharpTwin(Func<IEnumerable<TorchSharp.Modules.Parameter>, optim.Optimizer> theirs, Func<IEnumerable<TorchSharp.Modules.Parameter>, Optimizer> ours)
    {
        TheirModel = TinyAutoencoder.Create(SyntheticImages.Pixels, 8, initSeed: 31);
        OurModel = TinyAutoencoder.Create(SyntheticImages.Pixels, 8, initSeed: 31);
        Theirs = (TorchSharp.Modules.OptimizerHelper)theirs(TheirModel.parameters());
        Ours = ours(OurModel.parameters());
    }

    public TinyAutoencoder TheirModel { get; }

    public TinyAutoencoder OurModel { get; }

    public TorchSharp.Modules.OptimizerHelper Theirs { get; }

    public Optimizer Ours { get; }

    /// <summary>Takes <paramref name="steps"/> steps on each side, over batches of 16 in a fixed cycle.</summary>
    public void Train(int steps)
    {
        for (int step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            var batch = _data.narrow(0, step * 16 % 96, 16);
            bool paused = GC.TryStartNoGCRegion(64L << 20);
            try
            {
                Theirs.zero_grad();
                TheirModel.MseLoss(batch).backward();
                Theirs.step();
            }
            finally
            {
                if (paused && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
                    GC.EndNoGCRegion();
            }

            Ours.ZeroGrad();
            OurModel.MseLoss(batch).backward();
            Ours.Step();
        }
    }

    /// <summary>Names of the parameters whose values differ in any bit between the two models.</summary>
    public List<string> DifferingParameters() =>
        TheirModel.named_parameters().Zip(OurModel.named_parameters())
            .Where(pair => !pair.First.parameter.bytes.SequenceEqual(pair.Second.parameter.bytes))
            .Select(pair => pair.First.name)
            .ToList();

    public byte[] TheirState() => Bytes(Theirs.save_state_dict);

    public byte[] OurState() => Bytes(Ours.SaveState);

    public static byte[] Bytes(Action<BinaryWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            write(writer);
        return buffer.ToArray();
    }

    public void Dispose()
    {
        Theirs.Dispose();
        Ours.Dispose();
        TheirModel.Dispose();
        OurModel.Dispose();
        _data.Dispose();
    }
}
