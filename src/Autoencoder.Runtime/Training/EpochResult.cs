using System;

namespace Autoencoder.Runtime.Training;

/// <summary>Outcome of one epoch.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Sample-weighted mean of the batch losses seen while training this epoch.</param>
/// <param name="ValidationLoss">Loss over the validation set after this epoch, or null without validation data.</param>
/// <param name="Duration">Wall time of the epoch, validation included.</param>
/// <param name="SamplesPerSecond">Training throughput, validation excluded.</param>
public sealed record EpochResult(int Epoch, double TrainLoss, double? ValidationLoss, TimeSpan Duration, double SamplesPerSecond);
