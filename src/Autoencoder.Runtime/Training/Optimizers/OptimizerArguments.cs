using System;

namespace Autoencoder.Runtime.Training.Optimizers;

internal static class OptimizerArguments
{
    public static void RequireNonNegative(double value, string name)
    {
        if (!(value >= 0 && double.IsFinite(value)))
            throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be a finite number, zero or more.");
    }

    public static void RequireFraction(double value, string name)
    {
        if (!(value >= 0 && value < 1))
            throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be in [0, 1).");
    }

    public static void RequirePositive(double value, string name)
    {
        if (!(value > 0 && double.IsFinite(value)))
            throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be a positive finite number.");
    }
}
