using System.Linq;

namespace Autoencoder.Generators.Spec;

/// <summary>
/// One autoencoder as declared, whichever front-end read it (attributes or YAML). Every member is
/// immutable and structurally equatable, and nothing refers to a symbol, syntax node or compilation,
/// so the incremental pipeline can cache it. Parts may be missing or invalid: validation reports that.
/// <see cref="Regularization"/> null means none; <see cref="Latent"/> null means a deterministic code.
/// </summary>
internal sealed record ModelSpec(
    TypeSpec Type,
    InputSpec? Input,
    NetworkSpec? Encoder,
    NetworkSpec? Decoder,
    LossSpec Loss,
    OptimizerSpec Optimizer,
    TrainingSpec Training,
    InitSpec Init,
    LocationInfo? Location,
    RegularizationSpec? Regularization = null,
    LatentSpec? Latent = null)
{
    /// <summary>
    /// The members the user's own declaration of the class already has (attribute front-end only; none for YAML), so that
    /// the stand-in members of a model with errors (<see cref="Analysis.ErrorFallback"/>) never collide with them.
    /// </summary>
    public DeclaredMembersSpec DeclaredMembers { get; init; } = DeclaredMembersSpec.None;

    /// <summary>How the trainer reads image folders; null when the model does not declare it.</summary>
    public TrainingDataSpec? TrainingData { get; init; }
}

/// <summary>Names of the members a user declared on the model class, and whether the declaration decides how it is constructed.</summary>
/// <param name="Names">Member names, sorted; <c>.ctor</c> when the user declares a parameterless constructor.</param>
/// <param name="HasBaseClassOrPrimaryConstructor">
/// True when the declaration names a base class or has a primary constructor (<c>partial class M(int size)</c>): the base
/// class and the constructors are then the user's, and the stand-ins declare neither (nor <c>forward</c>, which overrides the base's).
/// </param>
internal sealed record DeclaredMembersSpec(EquatableArray<string> Names, bool HasBaseClassOrPrimaryConstructor)
{
    public static readonly DeclaredMembersSpec None = new(EquatableArray<string>.Empty, false);

    public bool Contains(string name) => Names.Contains(name);
}

/// <summary>Where the generated type lives and how it is declared.</summary>
/// <param name="DeclaredByUser">False when no user code declares the class (YAML), so the generated part carries its accessibility.</param>
internal sealed record TypeSpec(
    string? Namespace,
    string Name,
    string Accessibility,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    bool DeclaredByUser = true)
{
    public string FullName
    {
        get
        {
            var prefix = Namespace is null ? string.Empty : Namespace + ".";
            foreach (var containing in ContainingTypes)
            {
                prefix += containing.Name + ".";
            }

            return prefix + Name;
        }
    }
}

/// <summary>A type the model class is nested in, e.g. <c>partial class Models</c>.</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);

/// <summary>
/// The shape of one input sample, without the batch dimension; a free height or width is <see cref="Any.Height"/> or
/// <see cref="Any.Width"/> (YAML <c>H</c>, <c>W</c>).
/// </summary>
/// <param name="MinimumSize">The declared smallest side for free sides; null when not declared.</param>
internal sealed record InputSpec(EquatableArray<int> Dimensions, LocationInfo? Location, int? MinimumSize = null);

/// <summary>An encoder or decoder: the method that runs it and its layers in order.</summary>
/// <param name="DeclaredByUser">True when the user declared the partial method, so the implementation repeats its modifiers.</param>
internal sealed record NetworkSpec(
    string MethodName,
    string ParameterName,
    string Accessibility,
    bool DeclaredByUser,
    EquatableArray<LayerSpec> Layers,
    LocationInfo? Location)
{
    /// <summary>True when the user's Encode returns <c>GaussianCode</c> (a variational encoder) rather than a Tensor.</summary>
    public bool ReturnsGaussianCode { get; init; }

    /// <summary>The declared return type when it does not resolve (the compiler reports CS0246); null when it resolves.</summary>
    public UnresolvedTypeSpec? UnresolvedReturnType { get; init; }

    /// <summary>The declared parameter type when it does not resolve; null when it resolves.</summary>
    public UnresolvedTypeSpec? UnresolvedParameterType { get; init; }

    /// <summary>False when the user's declaration has no accessibility modifier (CS8796), so no implementation can match it.</summary>
    public bool HasAccessibilityModifier { get; init; } = true;
}

/// <summary>
/// A type in the declaration of Encode or Decode that does not resolve, e.g. <c>GaussianCode</c> without its using.
/// </summary>
/// <param name="Name">The simple name, e.g. <c>GaussianCode</c> for <c>Generative.GaussianCode</c>.</param>
/// <param name="Written">The type as written in the declaration.</param>
/// <param name="Repeatable">
/// True when the type is a simple name that was not found (rather than, say, ambiguous): written the same way in a generated
/// part of the class, it fails the same way, so a generated body can repeat it and match the declaration.
/// </param>
internal sealed record UnresolvedTypeSpec(string Name, string Written, bool Repeatable, LocationInfo? Location);

/// <summary>The model's weight initialisation, for layers that leave theirs unset; <see cref="WeightInit.Default"/> when the model sets none.</summary>
internal sealed record InitSpec(WeightInit Init, LocationInfo? Location)
{
    public static readonly InitSpec Unset = new(WeightInit.Default, null);
}

/// <summary>The reconstruction loss.</summary>
internal sealed record LossSpec(ReconstructionLoss Kind, LocationInfo? Location);

/// <summary>The optimizer as declared; null means "not set", resolved to defaults by validation.</summary>
internal sealed record OptimizerSpec(
    OptimizerKind Kind,
    double? LearningRate,
    double? WeightDecay,
    double? Momentum,
    bool? Nesterov,
    double? Beta1,
    double? Beta2,
    LocationInfo? Location);

/// <summary>
/// Training defaults as declared; null means "not set". <see cref="Location"/> is the [Training] attribute or the
/// YAML 'training' map; early stopping and the schedule carry their own (a separate attribute, or a nested map).
/// </summary>
internal sealed record TrainingSpec(
    int? Epochs,
    int? BatchSize,
    long? Seed,
    double? GradientClipNorm,
    EarlyStoppingSpec? EarlyStopping,
    ScheduleSpec? Schedule,
    LocationInfo? Location)
{
    public static readonly TrainingSpec Unset = new(null, null, null, null, null, null, null);
}
