namespace Autoencoder.Generators.Tests.Infrastructure;

/// <summary>A small β-VAE declared with attributes and, as its twin, in YAML.</summary>
internal static class VariationalModels
{
    public const string Usings = Models.Usings + "using Autoencoder.Runtime.Generative;\n\n";

    public const string Vae = Usings + """
        namespace Examples.Generative
        {
            [Autoencoder]
            [Input(1, 28, 28)]
            [Variational(16, KlWeight = 4, BinarizeInputs = true)]
            [Loss(ReconstructionLoss.BinaryCrossEntropy)]
            [Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
            [Training(Epochs = 10, BatchSize = 100, Seed = 1)]
            public partial class SmallVae
            {
                [Flatten]
                [Dense(64, Activation.Tanh)]
                public partial GaussianCode Encode(Tensor x);

                [Dense(64, Activation.Tanh)]
                [Dense(784, Activation.Sigmoid)]
                [Unflatten(1, 28, 28)]
                public partial Tensor Decode(Tensor z);
            }
        }
        """;

    public const string VaeYaml = """
        name: SmallVae
        namespace: Examples.Generative
        input: [1, 28, 28]
        variational: {latent_size: 16, kl_weight: 4, binarize_inputs: true}
        encoder:
          - flatten: {}
          - dense: {units: 64, activation: tanh}
        decoder:
          - dense: {units: 64, activation: tanh}
          - dense: {units: 784, activation: sigmoid}
          - unflatten: {shape: [1, 28, 28]}
        loss: binary_cross_entropy
        optimizer: {kind: adam, learning_rate: 0.001}
        training: {epochs: 10, batch_size: 100, seed: 1}
        """;

    /// <summary>A dense model on flat inputs with the given [Variational] arguments, loss and last decoder activation.</summary>
    public static string Flat(string variational, string loss = "ReconstructionLoss.BinaryCrossEntropy", string last = "Activation.Sigmoid", string encodeReturns = "GaussianCode")
        => Usings + "namespace Examples;\n\n" + $$"""
        [Autoencoder, Input(8)]
        [{{variational}}]
        [Loss({{loss}})]
        public partial class Flat
        {
            [Dense(6, Activation.ReLU)]
            public partial {{encodeReturns}} Encode(Tensor x);

            [Dense(8, {{last}})]
            public partial Tensor Decode(Tensor z);
        }
        """;
}
