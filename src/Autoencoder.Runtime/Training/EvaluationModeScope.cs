using System;
using TorchSharp;

namespace Autoencoder.Runtime.Training;

/// <summary>
/// Puts a module in eval mode with gradients off and restores its previous mode on dispose,
/// so evaluating between training epochs does not leave dropout or batch norm switched off.
/// </summary>
internal readonly struct EvaluationModeScope : IDisposable
{
    private readonly torch.nn.Module _model;
    private readonly bool _wasTraining;
    private readonly IDisposable _noGrad;

    private EvaluationModeScope(torch.nn.Module model)
    {
        _model = model;
        _wasTraining = model.training;
        model.eval();
        _noGrad = torch.no_grad();
    }

    public static EvaluationModeScope Enter(torch.nn.Module model) => new(model);

    public void Dispose()
    {
        _noGrad.Dispose();
        _model.train(_wasTraining);
    }
}
