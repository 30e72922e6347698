using System;
using System.Collections.Generic;

namespace ConvAutoencoderExample;

/// <summary>Which declaration of the model to train; the one option this example adds to the seed example's.</summary>
internal enum ModelSource
{
    Yaml,
    Attributes,
}

internal static class ModelChoice
{
    public const string Usage = """
        Trains the convolutional MNIST autoencoder declared in ConvAutoencoder.ae.yaml (or its attribute twin).

        Options:
          --model NAME      yaml (ConvAutoencoder.ae.yaml, the default) or attributes (AttributeConvAutoencoder.cs)
          --epochs N        passes over the 60,000 training images (declared: 10)
          --batch-size N    images per step (declared: 128)
          --seed N          seed for weights and shuffling (declared: 42)
          --learning-rate X Adam's learning rate (declared: 0.001)
          --data DIR        a directory holding the four MNIST IDX files, raw or .gz (default: the repository's data/mnist)
          --out DIR         where weights, images, metrics, loss.png and TensorBoard runs go (default: out/ConvAutoencoder)
          --help            this text
        """;

    /// <summary>Takes '--model NAME' out of <paramref name="args"/>; the rest goes to the shared parser unchanged.</summary>
    public static (ModelSource Model, string[] Remaining) Take(string[] args)
    {
        var model = ModelSource.Yaml;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] != "--model")
            {
                rest.Add(args[i]);
                continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException("Option '--model' needs a value: yaml or attributes.");
            }

            model = args[++i] switch
            {
                "yaml" => ModelSource.Yaml,
                "attributes" => ModelSource.Attributes,
                var other => throw new ArgumentException($"Option '--model' needs yaml or attributes, not '{other}'."),
            };
        }

        return (model, rest.ToArray());
    }
}
