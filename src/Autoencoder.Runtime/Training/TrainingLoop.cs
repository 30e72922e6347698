using System;
using System.Threading;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Training.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training;

/// <summary>Mini-batch training and evaluation over in-memory tensors or streamed data (<see cref="ITrainingData"/>).</summary>
public static class TrainingLoop
{
    /// <summary>
    /// Trains <paramref name="model"/> for <see cref="TrainingOptions.Epochs"/> epochs of shuffled mini-batches, with the
    /// options' schedule, gradient clipping, early stopping and checkpoints.
    /// </summary>
    /// <param name="model">The module being trained; put in train mode for each epoch.</param>
    /// <param name="optimizer">Optimizer over the model's parameters (create it after moving the model to its device).</param>
    /// <param name="batchLoss">Maps a batch of inputs [B, ...] to the scalar mean loss of that batch (forward + loss).</param>
    /// <param name="trainInputs">All training samples, [N, ...]; batches are moved to the model's device.</param>
    /// <param name="validationInputs">Optional validation samples, same shape as the training samples except in dimension 0.</param>
    /// <param name="options">Epochs, batch size, seed, shuffling, controls, checkpoints and observer.</param>
    /// <param name="cancellationToken">Checked before every step. Cancelling ends the run early with
    /// <see cref="TrainingReport.Cancelled"/> set; the weights keep every update made so far, and with checkpoints on,
    /// the steps taken since the last checkpoint are saved in a new one first.</param>
    /// <remarks>
    /// Same seed, same initial weights and same data give an identical loss history on CPU: each epoch's shuffle order
    /// comes from a private generator seeded with <see cref="TrainingOptions.Seed"/> and the epoch number, and torch's
    /// global generator (dropout) is reseeded with the seed at the start. With <see cref="TrainingOptions.Checkpoints"/>
    /// set, a run resumed from a checkpoint (its weights, optimizer, schedule, early-stopping and RNG state) ends with
    /// the same weights, bit for bit, as one that was never interrupted.
    /// </remarks>
    public static TrainingReport Fit(
        nn.Module model,
        Optimizer optimizer,
        Func<Tensor, Tensor> batchLoss,
        Tensor trainInputs,
        Tensor? validationInputs,
        TrainingOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batchLoss);
        return Fit(model, optimizer, batch => new BatchObjective(batchLoss(batch)), nameof(batchLoss), trainInputs, validationInputs,
            options, cancellationToken);
    }

    /// <summary>
    /// Trains like <see cref="Fit(nn.Module, Optimizer, Func{Tensor, Tensor}, Tensor, Tensor?, TrainingOptions, CancellationToken)"/>
    /// with an objective that also names the terms of its loss; each term is averaged over the epoch like the loss.
    /// </summary>
    public static TrainingReport Fit(
        nn.Module model,
        Optimizer optimizer,
        Func<Tensor, BatchObjective> objective,
        Tensor trainInputs,
        Tensor? validationInputs,
        TrainingOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return Fit(model, optimizer, objective, "the objective", trainInputs, validationInputs, options, cancellationToken);
    }

    /// <summary>
    /// Trains like <see cref="Fit(nn.Module, Optimizer, Func{Tensor, Tensor}, Tensor, Tensor?, TrainingOptions, CancellationToken)"/>
    /// on data read batch by batch, e.g. an <see cref="ImageFolderData"/> that decodes image files on background threads.
    /// </summary>
    /// <param name="model">The module being trained; put in train mode for each epoch.</param>
    /// <param name="optimizer">Optimizer over the model's parameters.</param>
    /// <param name="batchLoss">Maps a batch of inputs [B, ...] to the scalar mean loss of that batch.</param>
    /// <param name="train">The training data; each epoch's batches come from (seed, epoch), so results and resumes are exact.</param>
    /// <param name="validation">Optional validation data, evaluated in order after each epoch.</param>
    /// <param name="options">Epochs, batch size, seed, shuffling, controls, checkpoints and observer.</param>
    /// <param name="cancellationToken">Checked before every step and while waiting for a training batch; an epoch whose
    /// steps are all done is validated and checkpointed before cancelling takes effect, as with tensors.</param>
    public static TrainingReport Fit(
        nn.Module model,
        Optimizer optimizer,
        Func<Tensor, Tensor> batchLoss,
        ITrainingData train,
        ITrainingData? validation,
        TrainingOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batchLoss);
        return Fit(model, optimizer, batch => new BatchObjective(batchLoss(batch)), nameof(batchLoss), train, validation, options, cancellationToken);
    }

    /// <summary>Trains on streamed data with an objective that also names the terms of its loss.</summary>
    /// <inheritdoc cref="Fit(nn.Module, Optimizer, Func{Tensor, Tensor}, ITrainingData, ITrainingData?, TrainingOptions, CancellationToken)"/>
    public static TrainingReport Fit(
        nn.Module model,
        Optimizer optimizer,
        Func<Tensor, BatchObjective> objective,
        ITrainingData train,
        ITrainingData? validation,
        TrainingOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return Fit(model, optimizer, objective, "the objective", train, validation, options, cancellationToken);
    }

    // producer names the user's function in error messages: the parameter they passed it as.
    private static TrainingReport Fit(
        nn.Module model,
        Optimizer optimizer,
        Func<Tensor, BatchObjective> objective,
        string producer,
        Tensor trainInputs,
        Tensor? validationInputs,
        TrainingOptions options,
        CancellationToken cancellationToken)
    {
        RequireRunArguments(model, optimizer, options);
        TensorArguments.RequireSamples(trainInputs, nameof(trainInputs));
        if (validationInputs is not null)
        {
            TensorArguments.RequireSamples(validationInputs, nameof(validationInputs));
            TensorArguments.RequireSameSampleShape(trainInputs, validationInputs, nameof(validationInputs));
        }
        return Fit(model, optimizer, objective, producer, new TensorData(trainInputs),
            validationInputs is null ? null : new TensorData(validationInputs), options, cancellationToken);
    }

    private static TrainingReport Fit(
        nn.Module model,
        Optimizer optimizer,
        Func<Tensor, BatchObjective> objective,
        string producer,
        ITrainingData train,
        ITrainingData? validation,
        TrainingOptions options,
        CancellationToken cancellationToken)
    {
        RequireRunArguments(model, optimizer, options);
        ArgumentNullException.ThrowIfNull(train);
        DataArguments.RequireTrainable(train, nameof(train));
        if (validation is not null)
            DataArguments.RequireCompatible(train, validation, nameof(validation));

        // Seeded after the run is set up: a low-precision copy's initial weights draw from the global generator, and a
        // bfloat16 run should see the same noise and dropout as a float32 one.
        using var run = new TrainingRun(model, optimizer, objective, producer, train, validation, options);
        torch.manual_seed(options.Seed).Dispose();
        return run.Run(cancellationToken);
    }

    private static void RequireRunArguments(nn.Module model, Optimizer optimizer, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Epochs < 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.Epochs, "TrainingOptions.Epochs must not be negative.");
        TensorArguments.RequirePositiveBatchSize(options.BatchSize, nameof(options));
    }

    /// <summary>
    /// Mean of <paramref name="batchLoss"/> over <paramref name="inputs"/>, weighted by batch size, computed in
    /// eval mode without gradients and in the original sample order. The model's train/eval mode is restored afterwards.
    /// </summary>
    public static double Evaluate(nn.Module model, Func<Tensor, Tensor> batchLoss, Tensor inputs, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(batchLoss);
        return EvaluateObjective(model, batch => new BatchObjective(batchLoss(batch)), nameof(batchLoss), inputs, batchSize).Loss;
    }

    /// <summary>Mean of the objective's loss over <paramref name="inputs"/>, as the other overload computes it.</summary>
    public static double Evaluate(nn.Module model, Func<Tensor, BatchObjective> objective, Tensor inputs, int batchSize) =>
        EvaluateObjective(model, objective, inputs, batchSize).Loss;

    /// <summary>
    /// Means of the objective's loss and of each of its named terms over <paramref name="inputs"/>, weighted by batch
    /// size, computed in eval mode without gradients and in the original sample order (as <c>Fit</c> reports validation).
    /// The model's train/eval mode is restored afterwards.
    /// </summary>
    /// <exception cref="InvalidOperationException">The loss or a term is not a scalar, two terms share a name, or
    /// batches return different terms.</exception>
    public static ObjectiveEvaluation EvaluateObjective(nn.Module model, Func<Tensor, BatchObjective> objective, Tensor inputs, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return EvaluateObjective(model, objective, "the objective", inputs, batchSize);
    }

    /// <summary>
    /// Means of the objective's loss and of each of its named terms over <paramref name="inputs"/> read batch by batch
    /// (in index order, from <see cref="EpochPlan.Evaluation"/>), as <c>Fit</c> reports validation on streamed data.
    /// </summary>
    public static ObjectiveEvaluation EvaluateObjective(nn.Module model, Func<Tensor, BatchObjective> objective, ITrainingData inputs,
        int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return EvaluateObjective(model, objective, "the objective", inputs, batchSize, cancellationToken);
    }

    /// <summary>Also what <c>Fit</c> reports for validation; <paramref name="producer"/> names the user's function in errors.</summary>
    internal static ObjectiveEvaluation EvaluateObjective(nn.Module model, Func<Tensor, BatchObjective> objective, string producer,
        Tensor inputs, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        TensorArguments.RequireSamples(inputs, nameof(inputs));
        return EvaluateObjective(model, objective, producer, new TensorData(inputs), batchSize, CancellationToken.None);
    }

    internal static ObjectiveEvaluation EvaluateObjective(nn.Module model, Func<Tensor, BatchObjective> objective, string producer,
        ITrainingData inputs, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        TensorArguments.RequirePositiveBatchSize(batchSize, nameof(batchSize));

        long n = 0;
        double weightedLossSum = 0;
        var terms = new TermSums();
        var device = ModelDevice.Of(model);
        using (EvaluationModeScope.Enter(model))
        using (var batches = inputs.OpenEpoch(EpochPlan.Evaluation(batchSize)))
        {
            while (true)
            {
                using var scope = NewDisposeScope();
                if (batches.Next(cancellationToken) is not { } next)
                    break;
                if (next.Inputs is not { } batch)
                    continue;
                long count = batch.shape[0];
                if (batch.device != device)
                    batch = batch.to(device);
                var result = objective(batch);
                weightedLossSum += TensorArguments.ReadScalar(result.Loss, producer) * count;
                terms.Add(terms.Read(result.Terms, producer), count);
                n += count;
            }
        }

        if (n == 0)
            throw new InvalidOperationException("Every sample of the evaluation data was skipped as bad: there is nothing to evaluate.");
        return new ObjectiveEvaluation(weightedLossSum / n, terms.Means(n));
    }
}
