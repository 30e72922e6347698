using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training;

/// <summary>One named scalar of a batch's objective (a loss term such as "kl", or a statistic such as "perplexity").</summary>
/// <param name="Name">Lower-case snake_case name, as the logs show it; unique within one objective.</param>
/// <param name="Value">A one-element tensor. The loop reads it without gradients; it need not be part of the loss.</param>
public readonly record struct LossTerm(string Name, Tensor Value);

/// <summary>
/// What a model's objective returns for one batch: the scalar <see cref="Loss"/> to minimise and the <see cref="Terms"/>
/// it is made of (or that describe it), which the training loop averages per epoch and the logs report separately.
/// Generated models with more than a reconstruction loss (VAE, VQ-VAE, sparse, contractive) produce one per batch.
/// </summary>
public sealed class BatchObjective
{
    /// <summary>An objective with its terms; term names must be unique.</summary>
    public BatchObjective(Tensor loss, params LossTerm[] terms)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(terms);
        Loss = loss;
        Terms = terms;
    }

    /// <summary>The scalar mean loss of the batch, the one that is back-propagated.</summary>
    public Tensor Loss { get; }

    /// <summary>Named scalars logged beside the loss; empty for a plain reconstruction loss.</summary>
    public IReadOnlyList<LossTerm> Terms { get; }
}
