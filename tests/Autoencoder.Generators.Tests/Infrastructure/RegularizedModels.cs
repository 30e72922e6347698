namespace Autoencoder.Generators.Tests.Infrastructure;

/// <summary>Denoising, sparse and contractive models, each with its YAML twin (same name and namespace).</summary>
internal static class RegularizedModels
{
    public const string Denoising = Models.Usings + """
        namespace Examples.Regularized;

        [Autoencoder]
        [Input(1, 28, 28)]
        [Loss(ReconstructionLoss.BinaryCrossEntropy)]
        [Denoising(NoiseKind.Gaussian, 0.3)]
        public partial class DenoisingAutoencoder
        {
            [Flatten]
            [Dense(64, Activation.ReLU)]
            public partial Tensor Encode(Tensor x);

            [Dense(784, Activation.Sigmoid)]
            [Unflatten(1, 28, 28)]
            public partial Tensor Decode(Tensor z);
        }
        """;

    public const string DenoisingYaml = """
        name: DenoisingAutoencoder
        namespace: Examples.Regularized
        input: [1, 28, 28]
        encoder:
          - flatten: {}
          - dense: {units: 64, activation: relu}
        decoder:
          - dense: {units: 784, activation: sigmoid}
          - unflatten: {shape: [1, 28, 28]}
        loss: binary_cross_entropy
        denoising: {noise: gaussian, amount: 0.3}
        """;

    /// <summary>Both sparsity penalties on a sigmoid code, trained on masked inputs.</summary>
    public const string Sparse = Models.Usings + """
        namespace Examples.Regularized;

        [Autoencoder]
        [Input(784)]
        [Denoising(NoiseKind.Masking, 0.25)]
        [Sparse(L1Weight = 1e-4, SparsityTarget = 0.05, SparsityWeight = 3)]
        public partial class SparseAutoencoder
        {
            [Dense(128, Activation.ReLU)]
            [Dense(32, Activation.Sigmoid)]
            public partial Tensor Encode(Tensor x);

            [Dense(784, Activation.Sigmoid)]
            public partial Tensor Decode(Tensor z);
        }
        """;

    public const string SparseYaml = """
        name: SparseAutoencoder
        namespace: Examples.Regularized
        input: [784]
        encoder:
          - dense: {units: 128, activation: relu}
          - dense: {units: 32, activation: sigmoid}
        decoder:
          - dense: {units: 784, activation: sigmoid}
        denoising: {noise: masking, amount: 0.25}
        sparse: {l1_weight: 1e-4, sparsity_target: 0.05, sparsity_weight: 3}
        """;

    /// <summary>One sigmoid Dense layer after a Flatten: the closed form.</summary>
    public const string Contractive = Models.Usings + """
        namespace Examples.Regularized;

        [Autoencoder]
        [Input(1, 28, 28)]
        [Contractive(1e-4)]
        public partial class ContractiveAutoencoder
        {
            [Flatten]
            [Dense(32, Activation.Sigmoid)]
            public partial Tensor Encode(Tensor x);

            [Dense(784, Activation.Sigmoid)]
            [Unflatten(1, 28, 28)]
            public partial Tensor Decode(Tensor z);
        }
        """;

    public const string ContractiveYaml = """
        name: ContractiveAutoencoder
        namespace: Examples.Regularized
        input: [1, 28, 28]
        encoder:
          - flatten: {}
          - dense: {units: 32, activation: sigmoid}
        decoder:
          - dense: {units: 784, activation: sigmoid}
          - unflatten: {shape: [1, 28, 28]}
        contractive: {contractive_weight: 1e-4}
        """;

    /// <summary>Two layers: autograd; with salt-and-pepper noise and an L1 penalty too.</summary>
    public const string DeepContractive = Models.Usings + """
        namespace Examples.Regularized;

        [Autoencoder]
        [Input(64)]
        [Denoising(NoiseKind.SaltAndPepper, 0.1)]
        [Sparse(L1Weight = 1e-3)]
        [Contractive(0.01)]
        public partial class DeepContractiveAutoencoder
        {
            [Dense(32, Activation.Tanh)]
            [Dense(8, Activation.ReLU)]
            public partial Tensor Encode(Tensor x);

            [Dense(64, Activation.Sigmoid)]
            public partial Tensor Decode(Tensor z);
        }
        """;

    /// <summary>A model of the given attributes on a sigmoid code, for diagnostics.</summary>
    public static string Small(string attributes, string encoder = "[Dense(8, Activation.Sigmoid)]") => Models.Usings + """
        namespace Examples;

        [Autoencoder]
        [Input(16)]
        """ + "\n" + attributes + "\n" + """
        public partial class Small
        {
        """ + "\n    " + encoder + "\n" + """
            public partial Tensor Encode(Tensor x);

            [Dense(16, Activation.Sigmoid)]
            public partial Tensor Decode(Tensor z);
        }
        """;

    /// <summary>The YAML twin of <see cref="Small"/>: extra top-level keys after the decoder.</summary>
    public static string SmallYaml(string extra) => """
        name: Small
        input: [16]
        encoder:
          - dense: {units: 8, activation: sigmoid}
        decoder:
          - dense: {units: 16, activation: sigmoid}

        """ + extra + "\n";
}
