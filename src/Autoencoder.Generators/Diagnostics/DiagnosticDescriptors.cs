using Microsoft.CodeAnalysis;

namespace Autoencoder.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Ids are stable (AE + four digits) and listed in
/// AnalyzerReleases.*.md; each message says what is wrong, where, and what to write instead.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Autoencoder";

    public static readonly DiagnosticDescriptor TypeMustBePartial = Error(
        "AE0001",
        "Autoencoder type must be partial",
        "'{0}' must be declared partial so the generator can add the module's implementation to it");

    public static readonly DiagnosticDescriptor UnsupportedType = Error(
        "AE0002",
        "Type cannot be an autoencoder",
        "'{0}' cannot be an autoencoder: {1}");

    public static readonly DiagnosticDescriptor MissingNetwork = Error(
        "AE0003",
        "Encoder or decoder missing",
        "The autoencoder '{0}' has no {1}: declare 'public partial Tensor {2}(Tensor {3});' and list its layers as attributes on it");

    public static readonly DiagnosticDescriptor InvalidNetworkSignature = Error(
        "AE0004",
        "Encode or Decode has the wrong signature",
        "'{0}' must be declared 'public partial Tensor {0}(Tensor {1});': {2}");

    public static readonly DiagnosticDescriptor EmptyNetwork = Error(
        "AE0005",
        "Encoder or decoder has no layers",
        "The {0} of '{1}' has no layers: put layer attributes such as [Dense(32, Activation.ReLU)] on '{2}'");

    public static readonly DiagnosticDescriptor MissingInput = Error(
        "AE0006",
        "Input shape missing",
        "The autoencoder '{0}' has no input shape: add [Input(...)] to it, e.g. [Input(1, 28, 28)] or [Input(784)]");

    public static readonly DiagnosticDescriptor ValueOutOfRange = Error(
        "AE0007",
        "Value out of range",
        "{0} must be {1}, but is {2}");

    public static readonly DiagnosticDescriptor ReconstructionShapeMismatch = Error(
        "AE0008",
        "Decoder output shape differs from the input shape",
        "The decoder of '{0}' outputs {1}, but the input is {2}: a reconstruction must have the input's shape{3}");

    public static readonly DiagnosticDescriptor LayerInputMismatch = Error(
        "AE0009",
        "Layer cannot take its input shape",
        "{0} in the {1} cannot take input {2}: {3}");

    public static readonly DiagnosticDescriptor UnsupportedCombination = Error(
        "AE0010",
        "Unsupported combination",
        "{0}");

    public static readonly DiagnosticDescriptor UnknownLayer = Error(
        "AE0011",
        "Unknown layer attribute",
        "'{0}' derives from LayerAttribute but is not a layer the generator knows; use one of the layer attributes in the Autoencoder namespace");

    public static readonly DiagnosticDescriptor ConvTransposeOnePixelShort = Warning(
        "AE0012",
        "Transposed convolution ends one pixel short",
        "{0} in the decoder outputs {1} pixels, one short of the {2} that {3} in the encoder takes: set OutputPadding = {4} on it");

    public static readonly DiagnosticDescriptor MalformedResidualBlock = Error(
        "AE0013",
        "Residual block is malformed",
        "{0}");

    public static readonly DiagnosticDescriptor ResidualShapesCannotBeAdded = Error(
        "AE0014",
        "Residual block's shapes cannot be added",
        "The residual block {0} in the {1} turns {2} into {3}, so its input cannot be added to its output: {4}");

    public static readonly DiagnosticDescriptor EarlyStoppingOutOfRange = Error(
        "AE0015",
        "Early stopping setting out of range",
        "{0} of EarlyStopping must be {1}, but is {2}");

    public static readonly DiagnosticDescriptor GradientClipNormOutOfRange = Error(
        "AE0016",
        "Gradient clip norm out of range",
        "GradientClipNorm must be a finite number > 0, but is {0}: it is the largest global L2 norm the gradients keep; leave it unset to train without clipping");

    public static readonly DiagnosticDescriptor ScheduleParameterOutOfRange = Error(
        "AE0017",
        "Learning-rate schedule setting out of range",
        "{0} of the {1} schedule must be {2}, but is {3}");

    public static readonly DiagnosticDescriptor ScheduleParameterDoesNotApply = Error(
        "AE0018",
        "Setting does not apply to the learning-rate schedule",
        "{0} does not apply to the {1} schedule, which takes {2}; remove it, or choose the kind it belongs to");

    public static readonly DiagnosticDescriptor ScheduleParameterMissing = Error(
        "AE0019",
        "Learning-rate schedule setting missing",
        "The {0} schedule needs {1}, {2}");

    // Denoising, sparse and contractive autoencoders: AE0020-AE0029.
    public static readonly DiagnosticDescriptor RegularizationOutOfRange = Error(
        "AE0020",
        "Denoising, sparse or contractive setting out of range",
        "{0} must be {1}, but is {2}");

    public static readonly DiagnosticDescriptor SparsePenaltyIncomplete = Error(
        "AE0021",
        "Sparse penalty incomplete",
        "{0}");

    public static readonly DiagnosticDescriptor KlSparsityNeedsSigmoidCode = Error(
        "AE0022",
        "KL sparsity needs code activations in (0, 1)",
        "The KL sparsity target of '{0}' compares mean code activations with a probability, so they must lie in (0, 1), but the encoder ends with activation {1}: end it with Activation.Sigmoid, or use the L1 penalty alone");

    public static readonly DiagnosticDescriptor PenaltyWithLatent = Error(
        "AE0023",
        "Code penalty on a model with a latent distribution",
        "{0} penalises the activations of a deterministic code, but '{1}' declares a {2} code, which has its own regulariser; remove one of them");

    public static readonly DiagnosticDescriptor ContractiveEncoderMixesSamples = Error(
        "AE0024",
        "Contractive penalty with an encoder that mixes samples",
        "The contractive penalty of '{0}' needs each code to depend on its own input only, but {1} in the encoder normalises over the batch while training: use LayerNorm or GroupNorm there, or remove the penalty");

    // Variational autoencoders: AE0030-AE0039.
    public static readonly DiagnosticDescriptor VariationalEncoderNotFlat = Error(
        "AE0030",
        "Variational encoder does not end in a flat feature vector",
        "The encoder of the variational autoencoder '{0}' outputs {1}, but the heads for the mean and log-variance of q(z | x) take a flat feature vector [B, F]: end the encoder with [Flatten] or a [Dense] layer");

    public static readonly DiagnosticDescriptor EncodeReturnTypeDoesNotFit = Error(
        "AE0031",
        "Encode's return type does not fit the model",
        "'{0}' of '{1}' returns {2}, but {3}");

    public static readonly DiagnosticDescriptor LatentSizeOutOfRange = Error(
        "AE0032",
        "Latent size out of range",
        "The latent size of the variational autoencoder '{0}' must be at least 1, but is {1}");

    public static readonly DiagnosticDescriptor BetaOutOfRange = Error(
        "AE0033",
        "β out of range",
        "KlWeight (β) of the variational autoencoder '{0}' must be a finite number ≥ 0 (1 for a VAE, more for a β-VAE), but is {1}");

    public static readonly DiagnosticDescriptor LikelihoodDoesNotFitLoss = Error(
        "AE0034",
        "Likelihood does not fit the loss",
        "The {0} likelihood of '{1}' does not fit the loss {2}: {3}");

    // AE0040-AE0049: the vector-quantised code (VQ-VAE).
    public static readonly DiagnosticDescriptor QuantizerDimensionMismatch = Error(
        "AE0040",
        "Encoder output does not match the codebook dimension",
        "The encoder of '{0}' outputs {1}, whose channel axis has {2} values, but the vector quantizer's dimension is {3}: the quantizer replaces each vector along the channel axis ([B, D, H, W] or [B, D]) with a code; make the encoder's last layer output {3} channels, or set the dimension to {2}");

    public static readonly DiagnosticDescriptor QuantizerSettingOutOfRange = Error(
        "AE0041",
        "Vector quantizer setting out of range",
        "{0} of the vector quantizer must be {1}, but is {2}");

    public static readonly DiagnosticDescriptor QuantizerSettingNeedsEma = Error(
        "AE0042",
        "Vector quantizer setting applies to the EMA codebook only",
        "{0} applies to the EMA codebook only, but the codebook is learned by gradient: set Ema = true ('ema: true' in YAML), or remove {0}");

    public static readonly DiagnosticDescriptor TwoLatentCodes = Error(
        "AE0043",
        "Variational and vector-quantised code on one model",
        "'{0}' declares both a variational code and a vector quantizer, but a model has one kind of code: keep one of them");

    // AE0050-AE0059: compression (a learned codec) and block (inpainting) noise.
    public static readonly DiagnosticDescriptor CompressionWithAnotherCode = Error(
        "AE0050",
        "Compression beside another latent code",
        "'{0}' declares both compression and {1}, but a model has one kind of code; a compressed code is rounded to integers and entropy-coded, so keep one of them");

    public static readonly DiagnosticDescriptor CompressionLambdaOutOfRange = Error(
        "AE0051",
        "Compression λ out of range",
        "RateWeight (λ) of the compression model '{0}' must be a finite number > 0 (e.g. 0.01; larger gives smaller files and worse reconstructions), but is {1}");

    public static readonly DiagnosticDescriptor CompressionCodeBounded = Error(
        "AE0052",
        "Compressed code passes through a bounded activation",
        "The encoder of '{0}' ends with {1}, whose outputs lie in {2}, so rounding leaves every code value one of {3}: end the encoder without an activation, so the code can take any integer and the entropy model learns how many it needs");

    public static readonly DiagnosticDescriptor CompressionWithCodePenalty = Error(
        "AE0053",
        "Code penalty on a compression model",
        "{0} cannot be combined with compression on '{1}': {2}; remove it, and raise λ for a smaller code");

    public static readonly DiagnosticDescriptor CompressionCodeShape = Error(
        "AE0054",
        "Compressed code has an unsupported shape",
        "The encoder of '{0}' outputs {1}, but a compressed code is features [C] or an image [C, H, W], the entropy model learning one density per channel: end the encoder with a Dense or a Conv2d layer");

    public static readonly DiagnosticDescriptor HyperTransformWithoutHyperprior = Error(
        "AE0055",
        "Hyper-transform declared without a hyperprior",
        "'{0}' declares {1}, a transform of a hyperprior codec, but its prior is Factorized: set Prior = EntropyPrior.ScaleHyperprior (YAML 'prior: scale_hyperprior') or remove it");

    public static readonly DiagnosticDescriptor HyperDecoderOutputShape = Error(
        "AE0056",
        "Hyper-decoder output does not fit the code",
        "The hyper-decoder of '{0}' outputs {1}, but the {2} needs {3}, {4} per element of the code {5}: make its last layer give {6} channels and undo the hyper-encoder's strides");

    public static readonly DiagnosticDescriptor HyperDecoderLayerNotDeterministic = Error(
        "AE0057",
        "Hyper-decoder layer cannot be computed deterministically",
        "{0} in the hyper-decoder of '{1}' cannot be computed in the C# double arithmetic that lets every machine decode the streams: use Conv2d and ConvTranspose2d layers (dilation and groups 1) with Activation.None or Activation.ReLU");

    public static readonly DiagnosticDescriptor BlockNoiseNeedsImages = Error(
        "AE0059",
        "Block noise needs image inputs",
        "Block noise masks a square of each image, but the input of '{0}' is {1}, not an image [C, H, W]: declare the input as an image (e.g. Input(1, 28, 28)) and Flatten it in the encoder, or choose another noise");

    // YAML front-end ids start at AE0101, apart from the model ids above, which every front-end shares.
    public static readonly DiagnosticDescriptor YamlSyntax = Error(
        "AE0101",
        "Invalid YAML",
        "'{0}' is not a valid model file: {1}");

    public static readonly DiagnosticDescriptor YamlUnknownKey = Error(
        "AE0102",
        "Unknown key in a YAML model",
        "'{0}' is not a key of {1}{2}");

    public static readonly DiagnosticDescriptor YamlWrongType = Error(
        "AE0103",
        "Value of the wrong type in a YAML model",
        "{0} must be {1}, but is {2}");

    public static readonly DiagnosticDescriptor YamlMissingField = Error(
        "AE0104",
        "Required field missing in a YAML model",
        "{0} has no '{1}', which is required: {2}");

    public static readonly DiagnosticDescriptor DuplicateModel = Error(
        "AE0105",
        "Model declared twice",
        "'{0}' is already declared by {1}; give this model another name or namespace, or remove one of them");

    public static readonly DiagnosticDescriptor YamlRenamedKey = Warning(
        "AE0106",
        "Renamed key in a YAML model",
        "'{0}' of {1} is now spelled '{2}'; the old spelling is read the same way for now, but will be removed");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "AE9999",
        "The autoencoder generator failed",
        "The autoencoder generator failed on '{0}' ({1}); no code was generated for it. Please report this with the declaration.");

    // Beside the compiler's CS0246, which says the name is unknown: this one says which using makes it known.
    public static readonly DiagnosticDescriptor UnresolvedNetworkType = Error(
        "AE0025",
        "Type in Encode or Decode does not resolve",
        "'{0}' of '{1}' {2} '{3}', which does not resolve: {4}");

    public static readonly DiagnosticDescriptor NoAdmissibleSize = Error(
        "AE0026",
        "No height and width fit the layers",
        "The layers of '{0}' take no input of free height and width: {1}");

    private static DiagnosticDescriptor Error(string id, string title, string message) => Create(id, title, message, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title, string message) => Create(id, title, message, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) => new(
        id,
        title,
        message,
        Category,
        severity,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(id));

    // The catalog with an explanation and an example fix per id lives in the repository's docs: RepositoryUrl
    // (Directory.Build.props) + /blob/main/docs/; HelpLinkTests checks the address and that the heading exists.
    private static string HelpLink(string id) => "https://github.com/autoencoder-dsl/Autoencoder.Dsl/blob/main/docs/diagnostics.md#" + id.ToLowerInvariant();
}
