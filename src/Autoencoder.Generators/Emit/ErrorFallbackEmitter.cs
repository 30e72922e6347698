using Microsoft.CodeAnalysis.CSharp;

namespace Autoencoder.Generators.Emit;

/// <summary>
/// Writes the stand-in surface of a model with errors (see <see cref="ErrorFallback"/>): every public member the valid model
/// of the declared family has, in one file, each body throwing. Constants get placeholder values. A member the user declares
/// is left out, so nothing here collides with the user's code.
/// </summary>
internal static class ErrorFallbackEmitter
{
    private const string Tensor = TorchNames.Tensor;
    private const string Generator = TorchNames.Torch + ".Generator";
    private const string Training = TorchNames.Runtime + ".Training";
    private const string Generative = TorchNames.Runtime + ".Generative";
    private const string Compression = TorchNames.Runtime + ".Compression";

    public static string Emit(ErrorFallback fallback)
    {
        var w = new SourceWriter();
        var type = fallback.Type;
        var declared = fallback.Declared;
        var e = new Emission(w, fallback);
        TypeScaffold.OpenFile(w, type);
        w.Line(TorchNames.GeneratedCode);
        w.Open(TypeScaffold.PartialClass(type) + (declared.HasBaseClassOrPrimaryConstructor ? string.Empty : " : " + TorchNames.Module));
        w.Line("// " + e.State + ", and the build stops on them. Until they are fixed, these stand-ins give your code the");
        w.Line("// members the model will have, so that the compiler adds no errors of its own. None of them runs.");
        w.Line();

        WriteConstants(e, fallback);
        if (!declared.HasBaseClassOrPrimaryConstructor && !declared.Contains(".ctor"))
        {
            e.Doc();
            w.Line("public " + type.Name + "() : base(nameof(" + type.Name + ")) => " + e.Throw + ";");
            w.Line();
        }

        foreach (var network in fallback.Networks)
        {
            WriteNetwork(e, network);
        }

        if (!declared.HasBaseClassOrPrimaryConstructor)
        {
            e.Member("forward", "public override " + Tensor + " forward(" + Tensor + " input)");
        }

        e.Member("Reconstruct", "public " + Tensor + " Reconstruct(" + Tensor + " input)");
        if (fallback.Options.Free)
            e.Member("ReconstructTiled", "public " + Tensor + " ReconstructTiled(" + Tensor + " image, " + TorchNames.Runtime + ".Imaging.TileOptions? options = null)");

        switch (fallback.Family)
        {
            case FallbackFamily.Variational:
                WriteVariational(e, fallback.Options);
                break;
            case FallbackFamily.VectorQuantized:
                WriteVectorQuantized(e, fallback.Options);
                break;
            case FallbackFamily.Compression:
                WriteCompression(e, fallback.Options);
                break;
            default:
                WritePlain(e, fallback.Options);
                break;
        }

        if (!declared.Contains("TrainingOptions"))
        {
            WriteOptions(e, fallback.Options);
        }

        if (!declared.Contains("Trainer"))
        {
            WriteTrainer(e, fallback);
        }

        w.Close();
        TypeScaffold.CloseFile(w, type);
        return w.ToString();
    }

    private static void WriteConstants(Emission e, ErrorFallback fallback)
    {
        e.Constant("Summary", "public const string Summary = " + SummaryTable.Quote(e.Message) + ";");
        e.Constant("ParameterCount", "public const long ParameterCount = 1;");
        e.Constant("Fingerprint", "public const string Fingerprint = \"\";");
        e.Member("InputShape", "public static long[] InputShape");
        e.Member("CodeShape", "public static long[] CodeShape");
        switch (fallback.Family)
        {
            case FallbackFamily.Variational:
                e.Constant("LatentSize", "public const int LatentSize = 1;");
                e.Constant("KlWeight", "public const double KlWeight = 1.0;");
                break;
            case FallbackFamily.VectorQuantized:
                e.Member("IndexShape", "public static long[] IndexShape");
                e.Constant("CodebookSize", "public const int CodebookSize = 1;");
                e.Constant("CodeDimension", "public const int CodeDimension = 1;");
                e.Constant("CommitmentWeight", "public const double CommitmentWeight = 0.0;");
                if (fallback.Options.Ema)
                {
                    e.Constant("CodebookDecay", "public const double CodebookDecay = 0.0;");
                    e.Constant("CodebookEpsilon", "public const double CodebookEpsilon = 0.0;");
                }

                e.Constant("DeadCodeThreshold", "public const double DeadCodeThreshold = 0.0;");
                break;
            case FallbackFamily.Compression:
                e.Constant("RateWeight", "public const double RateWeight = 0.0;");
                if (!fallback.Options.Free)
                    e.Constant("PixelsPerImage", "public const long PixelsPerImage = 1;");
                break;
        }

        if (fallback.Options.Free)
        {
            e.Constant("SizeMultiple", "public const int SizeMultiple = 1;");
            e.Constant("MinimumHeight", "public const int MinimumHeight = 1;");
            e.Constant("MinimumWidth", "public const int MinimumWidth = 1;");
            e.Member("Geometry", "public static " + TorchNames.Models + ".ImageGeometry Geometry");
        }

        var options = fallback.Options;
        if (options.Denoising)
        {
            e.Constant("NoiseAmount", "public const double NoiseAmount = 0.0;");
        }

        if (options.L1Weight)
        {
            e.Constant("L1Weight", "public const double L1Weight = 0.0;");
        }

        if (options.SparsityTarget)
        {
            e.Constant("SparsityTarget", "public const double SparsityTarget = 0.0;");
            e.Constant("SparsityWeight", "public const double SparsityWeight = 0.0;");
        }

        if (options.ContractiveWeight)
        {
            e.Constant("ContractiveWeight", "public const double ContractiveWeight = 0.0;");
        }
    }

    /// <summary>
    /// Encode or Decode. A type of the user's declaration that does not resolve is written as the user wrote it, at the place
    /// the user wrote it (<c>#line</c>): only then does this body match the declaration, and the compiler's CS0246 for it
    /// points at the user's code, like the one for the declaration itself.
    /// </summary>
    private static void WriteNetwork(Emission e, NetworkStub network)
    {
        var w = e.Writer;
        var modifiers = network.Accessibility + (network.Partial ? " partial " : " ");
        var returns = network.ReturnsGaussianCode ? VariationalEmitter.GaussianCode : Tensor;
        var parameter = Identifier(network.ParameterName);
        if (network.UnresolvedReturnType is null && network.UnresolvedParameterType is null)
        {
            e.Doc();
            w.Line(modifiers + returns + " " + network.MethodName + "(" + Tensor + " " + parameter + ") => " + e.Throw + ";");
            w.Line();
            return;
        }

        w.Line("// A type that does not resolve is repeated as declared, so that this body matches the declaration (see AE0025).");
        e.Doc();
        w.Line(modifiers.TrimEnd());
        WriteType(w, network.UnresolvedReturnType, returns);
        if (network.UnresolvedParameterType is null)
        {
            w.Line("    " + network.MethodName + "(" + Tensor + " " + parameter + ") => " + e.Throw + ";");
        }
        else
        {
            w.Line("    " + network.MethodName + "(");
            WriteType(w, network.UnresolvedParameterType, Tensor);
            w.Line("        " + parameter + ") => " + e.Throw + ";");
        }

        w.Line();
    }

    private static void WriteType(SourceWriter w, UnresolvedTypeSpec? unresolved, string resolved)
    {
        if (unresolved is null)
        {
            w.Line("    " + resolved);
            return;
        }

        // A path with a quote cannot be written in #line; the repeated type then reports its error in this file.
        var location = unresolved.Location;
        if (location is null || location.FilePath.Length == 0 || location.FilePath.IndexOfAny(new[] { '"', '\n', '\r' }) >= 0)
        {
            w.Line("    " + unresolved.Written);
            return;
        }

        var start = location.LineSpan.Start;
        w.Verbatim("#line " + (start.Line + 1) + " \"" + location.FilePath + "\"");
        w.Verbatim(new string(' ', start.Character) + unresolved.Written);
        w.Verbatim("#line default");
    }

    private static void WritePlain(Emission e, FallbackOptions options)
    {
        WriteLossFunction(e);
        WriteCorruption(e, options);
        if (options.Contractive)
        {
            e.Member("JacobianNormSquared", "public " + Tensor + " JacobianNormSquared(" + Tensor + " input)");
        }

        if (options.Objective)
        {
            WriteObjective(e);
        }

        WriteTrainingLoss(e);
    }

    private static void WriteVariational(Emission e, FallbackOptions options)
    {
        var code = VariationalEmitter.GaussianCode;
        e.Member("Reparameterize", "public static " + Tensor + " Reparameterize(" + code + " code, " + Generator + "? generator = null)");
        e.Member("LogLikelihood", "public " + Tensor + " LogLikelihood(" + Tensor + " x, " + Tensor + " z)");
        e.Member("KlDivergence", "public static " + Tensor + " KlDivergence(" + code + " code)");
        WriteCorruption(e, options);
        WriteObjective(e);
        e.Member("Sample", "public " + Tensor + " Sample(int count, " + Generator + "? generator = null)");
        e.Member("Interpolate", "public " + Tensor + " Interpolate(" + Tensor + " a, " + Tensor + " b, int steps)");
    }

    private static void WriteVectorQuantized(Emission e, FallbackOptions options)
    {
        e.Member("Quantize", "public " + Generative + ".QuantizedCode Quantize(" + Tensor + " z)");
        e.Member("EncodeIndices", "public " + Tensor + " EncodeIndices(" + Tensor + " x)");
        e.Member("DecodeIndices", "public " + Tensor + " DecodeIndices(" + Tensor + " indices)");
        WriteCorruption(e, options);
        WriteLossFunction(e);
        WriteObjective(e);
        WriteTrainingLoss(e);
    }

    private static void WriteCompression(Emission e, FallbackOptions options)
    {
        WriteLossFunction(e);
        WriteCorruption(e, options);
        WriteObjective(e);
        WriteTrainingLoss(e);
        if (options.Hyperprior)
        {
            e.Member("Latent", "public " + Compression + ".HyperpriorOutput Latent(" + Tensor + " code)");
            e.Member("HyperDecoderInDoubles", "public " + Compression + ".Deterministic.DoubleNetwork HyperDecoderInDoubles()");
        }

        e.Member("CreateCodec", "public " + Compression + (options.Hyperprior ? ".HyperpriorCodec" : ".LearnedCodec") + " CreateCodec()");
        e.Member("Compress", "public byte[][] Compress(" + Tensor + " images)");
        e.Member("Decompress", "public " + Tensor + " Decompress(global::System.Collections.Generic.IReadOnlyList<byte[]> streams)");
    }

    private static void WriteLossFunction(Emission e)
        => e.Member("LossFunction", "public static " + Tensor + " LossFunction(" + Tensor + " output, " + Tensor + " target)");

    private static void WriteCorruption(Emission e, FallbackOptions options)
    {
        if (options.Denoising)
        {
            e.Member("Corrupt", "public static " + Tensor + " Corrupt(" + Tensor + " images, " + Generator + "? generator = null)");
            e.Member("Denoise", "public " + Tensor + " Denoise(" + Tensor + " noisy)");
        }
    }

    private static void WriteObjective(Emission e)
        => e.Member("TrainingObjective", "public " + Training + ".BatchObjective TrainingObjective(" + Tensor + " batch)");

    private static void WriteTrainingLoss(Emission e)
        => e.Member("TrainingLoss", "public " + Tensor + " TrainingLoss(" + Tensor + " batch)");

    /// <summary>The options type with the valid model's properties; auto-properties, so that object initialisers compile.</summary>
    private static void WriteOptions(Emission e, FallbackOptions options)
    {
        var w = e.Writer;
        e.Doc(string.Empty);
        w.Line(TorchNames.GeneratedCode);
        w.Open("public sealed class TrainingOptions");
        Property(e, "int", "Epochs");
        Property(e, "int", "BatchSize");
        Property(e, "long", "Seed");
        Property(e, "double", "LearningRate");
        Property(e, "double", "WeightDecay");
        if (options.Sgd)
        {
            Property(e, "double", "Momentum");
            Property(e, "bool", "Nesterov");
        }
        else
        {
            Property(e, "double", "Beta1");
            Property(e, "double", "Beta2");
        }

        Property(e, Training + ".EarlyStopping?", "EarlyStopping");
        Property(e, Training + ".LearningRateSchedule?", "Schedule");
        Property(e, "double?", "GradientClipNorm");
        Property(e, Training + ".CheckpointOptions?", "Checkpoints");
        Property(e, "long?", "MaxSteps");
        if (options.Free)
            Property(e, "int", "PatchSize");
        if (options.ImageFolders)
        {
            Property(e, "bool", "FlipHorizontal");
            Property(e, "bool", "FlipVertical");
            Property(e, "double", "MinimumScale");
            Property(e, "int", "PatchesPerImage");
            Property(e, TorchNames.Runtime + ".Data.BadImagePolicy", "BadImages");
        }

        Property(e, Training + ".TrainingDevice", "Device");
        Property(e, "int?", "Threads");
        Property(e, Training + ".TrainingPrecision", "Precision");
        Property(e, Training + ".ITrainingObserver?", "Observer", last: true);
        w.Close();
        w.Line();
    }

    private static void Property(Emission e, string type, string name, bool last = false)
    {
        e.Doc("a setting that nothing reads");
        e.Writer.Line("public " + type + " " + name + " { get; init; }");
        if (!last)
        {
            e.Writer.Line();
        }
    }

    private static void WriteTrainer(Emission e, ErrorFallback fallback)
    {
        var w = e.Writer;
        var name = fallback.Type.Name;
        var trainer = new Emission(w, fallback, DeclaredMembersSpec.None);
        e.Doc(string.Empty);
        w.Line(TorchNames.GeneratedCode);
        w.Open("public sealed class Trainer");
        trainer.Doc();
        w.Line("public Trainer(" + name + " model, TrainingOptions? options = null) => " + e.Throw + ";");
        w.Line();
        trainer.Member("Model", "public " + name + " Model");
        trainer.Member("Options", "public TrainingOptions Options");
        trainer.Member("Create", "public static Trainer Create(TrainingOptions? options = null)");
        trainer.Member(
            "Fit",
            "public " + Training + ".TrainingReport Fit(" + Tensor + " trainInputs, " + Tensor + "? validationInputs = null, global::System.Threading.CancellationToken cancellationToken = default)");
        trainer.Member(
            "Fit",
            "public " + Training + ".TrainingReport Fit(" + TorchNames.Runtime + ".Data.ITrainingData train, " + TorchNames.Runtime + ".Data.ITrainingData? validation = null, global::System.Threading.CancellationToken cancellationToken = default)");
        if (fallback.Options.ImageFolders)
        {
            trainer.Member(
                "Fit",
                "public " + Training + ".TrainingReport Fit(string imageFolder, string? validationFolder = null, global::System.Threading.CancellationToken cancellationToken = default)");
            trainer.Member(
                "ImageFolder",
                "public " + TorchNames.Runtime + ".Data.ImageFolderData ImageFolder(string folder, " + TorchNames.Runtime + ".Data.ImageCrop crop = " + TorchNames.Runtime + ".Data.ImageCrop.Random)");
        }

        trainer.Member("EvaluateLoss", "public double EvaluateLoss(" + Tensor + " inputs)");
        trainer.Member("Evaluate", "public " + TorchNames.Runtime + ".Metrics.ReconstructionReport Evaluate(" + Tensor + " inputs)", last: fallback.Family is not (FallbackFamily.Variational or FallbackFamily.Compression));
        if (fallback.Family == FallbackFamily.Variational)
        {
            trainer.Member(
                "EvaluateNll",
                "public " + Generative + ".NllReport EvaluateNll(" + Tensor + " inputs, int samples = 5000, " + Generator + "? generator = null, global::System.IProgress<long>? progress = null, int pairsPerCall = 5000)",
                last: true);
        }

        if (fallback.Family == FallbackFamily.Compression)
        {
            trainer.Member("EvaluateCompression", "public (double BytesPerImage, double BitsPerPixel, double Psnr) EvaluateCompression(" + Tensor + " inputs)", last: true);
        }

        w.Close();
    }

    /// <summary>A parameter name as C# needs it: a keyword such as <c>@class</c> keeps its '@'.</summary>
    private static string Identifier(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>The writer, the message of every body, and the members to leave out.</summary>
    private sealed class Emission
    {
        private readonly DeclaredMembersSpec _declared;

        public Emission(SourceWriter writer, ErrorFallback fallback, DeclaredMembersSpec? declared = null)
        {
            Writer = writer;
            _declared = declared ?? fallback.Declared;
            State = "'" + fallback.Type.Name + "' has errors" + (fallback.Errors.Length == 0 ? string.Empty : " (see " + fallback.Errors + ")");
            Message = State + ": fix them and rebuild";
            Throw = "throw new global::System.InvalidOperationException(" + SummaryTable.Quote(Message) + ")";
        }

        public SourceWriter Writer { get; }

        /// <summary>E.g. <c>'RgbCodec' has errors (see AE0008)</c>.</summary>
        public string State { get; }

        public string Message { get; }

        public string Throw { get; }

        /// <summary>The doc comment of a stand-in: <paramref name="what"/> says what it does instead of the real thing.</summary>
        public void Doc(string what = "throws")
            => Writer.Line("/// <summary>Stand-in while " + State + (what.Length == 0 ? "." : ": " + what + ".") + "</summary>");

        /// <summary>A constant: a placeholder value, as a constant has no body to throw from.</summary>
        public void Constant(string name, string declaration)
        {
            if (_declared.Contains(name))
            {
                return;
            }

            Doc("a placeholder, not the model's value");
            Writer.Line(declaration);
            Writer.Line();
        }

        /// <summary>A method or property whose body throws, unless the user declares a member of that name.</summary>
        public void Member(string name, string declaration, bool last = false)
        {
            if (_declared.Contains(name))
            {
                return;
            }

            Doc();
            Writer.Line(declaration + " => " + Throw + ";");
            if (!last)
            {
                Writer.Line();
            }
        }
    }
}
