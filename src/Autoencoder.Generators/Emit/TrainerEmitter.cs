using System.Linq;

namespace Autoencoder.Generators.Emit;

/// <summary>
/// Writes the typed trainer: an options type whose defaults are the declared values, and a Trainer that
/// builds the declared optimizer and hands the model's loss to the runtime's generic training loop.
/// </summary>
internal static class TrainerEmitter
{
    private const string Training = TorchNames.Runtime + ".Training";
    private const string Metrics = TorchNames.Runtime + ".Metrics";
    private const string Data = TorchNames.Runtime + ".Data";

    public static string Emit(AnalyzedModel model)
    {
        var w = new SourceWriter();
        var type = model.Type;
        TypeScaffold.OpenFile(w, type);
        w.Open(TypeScaffold.PartialClass(type));
        WriteOptions(w, model);
        w.Line();
        WriteTrainer(w, model);
        RuntimeInterfaces.WriteCreateTrainer(w, model);
        w.Close();
        TypeScaffold.CloseFile(w, type);
        return w.ToString();
    }

    private static void WriteOptions(SourceWriter w, AnalyzedModel model)
    {
        var o = model.Optimizer;
        var t = model.Training;
        w.Line("/// <summary>Training settings for <see cref=\"" + model.Type.Name + "\"/>; every default is the declared value.</summary>");
        w.Line(TorchNames.GeneratedCode);
        w.Open("public sealed class TrainingOptions");
        Property(w, "Passes over the training set.", "int", "Epochs", Literals.Format(t.Epochs));
        Property(w, "Samples per optimizer step.", "int", "BatchSize", Literals.Format(t.BatchSize));
        Property(w, "Seed for weight initialisation (in <see cref=\"Trainer.Create\"/>), shuffling and dropout.", "long", "Seed", Literals.Format(t.Seed));
        var oneCycle = t.Schedule?.Kind == ScheduleKind.OneCycle ? " (the declared OneCycleSchedule does not use it: it sets the rate from its MaxLearningRate)" : string.Empty;
        Property(w, "Learning rate of " + o.Kind + oneCycle + ".", "double", "LearningRate", Literals.Format(o.LearningRate));
        Property(w, o.Kind == OptimizerKind.AdamW ? "Decoupled weight decay." : "Weight decay (L2 penalty added to the gradient).", "double", "WeightDecay", Literals.Format(o.WeightDecay));
        if (o.Kind == OptimizerKind.Sgd)
        {
            Property(w, "Momentum factor.", "double", "Momentum", Literals.Format(o.Momentum));
            Property(w, "Whether to use Nesterov momentum.", "bool", "Nesterov", o.Nesterov ? "true" : "false");
        }
        else
        {
            Property(w, "Decay rate of the first-moment estimate.", "double", "Beta1", Literals.Format(o.Beta1));
            Property(w, "Decay rate of the second-moment estimate.", "double", "Beta2", Literals.Format(o.Beta2));
        }

        WriteControls(w, t);
        ImageFolderMembers.WriteOptions(w, model);
        Property(w, "Where <see cref=\"Trainer.Create\"/> puts the model and its batches; a trainer given a model leaves it where it is.", Training + ".TrainingDevice", "Device", "Cpu", Training + ".TrainingDevice.Cpu");
        Optional(w, "Threads TorchSharp uses within one operation, set by <see cref=\"Trainer.Create\"/>; null leaves TorchSharp's choice.", "int?", "Threads", null);
        Property(w, "The number format of each step's forward and backward passes; BFloat16 computes them in a bfloat16 copy of the model and updates the float32 weights.", Training + ".TrainingPrecision", "Precision", "Float32", Training + ".TrainingPrecision.Float32");
        w.Line("/// <summary>Receives progress during <c>Trainer.Fit</c>; null trains silently.</summary>");
        w.Line("public " + Training + ".ITrainingObserver? Observer { get; init; }");
        w.Close();
    }

    /// <summary>Early stopping, the schedule, gradient clipping and checkpoints, in the runtime's order: null unless declared (checkpoints always).</summary>
    private static void WriteControls(SourceWriter w, ResolvedTraining t)
    {
        var stopping = t.EarlyStopping is { } e
            ? "(Patience: " + Literals.Format(e.Patience) + ", MinDelta: " + Literals.Format(e.MinDelta) + ", RestoreBestWeights: " + (e.RestoreBestWeights ? "true" : "false") + ")"
            : null;
        Optional(
            w,
            "Stops training when the monitored loss (validation, else training) stops improving; null trains every epoch.",
            Training + ".EarlyStopping?",
            "EarlyStopping",
            stopping is null ? null : "EarlyStopping" + stopping,
            stopping is null ? null : "new" + stopping);

        var schedule = t.Schedule is { } s
            ? ScheduleRecord(s.Kind) + "(" + string.Join(", ", s.Arguments.Select(a => a.Name + ": " + a.Value)) + ")"
            : null;
        Optional(
            w,
            "How the learning rate changes over the run; null keeps the optimizer's rate.",
            Training + ".LearningRateSchedule?",
            "Schedule",
            schedule,
            schedule is null ? null : "new " + Training + "." + schedule);

        Optional(
            w,
            "Before each step, rescales the gradients so their global L2 norm is at most this; null does not clip.",
            "double?",
            "GradientClipNorm",
            t.GradientClipNorm is { } clip ? Literals.Format(clip) : null);

        Optional(w, "Where checkpoints are written, and whether a run resumes from them; null writes none.", Training + ".CheckpointOptions?", "Checkpoints", null);
        Optional(w, "Train at most this many steps in all, then stop (the last epoch may be partial), for smoke runs; null trains every epoch.", "long?", "MaxSteps", null);
    }

    private static string ScheduleRecord(ScheduleKind kind) => kind switch
    {
        ScheduleKind.Step => "StepSchedule",
        ScheduleKind.Cosine => "CosineSchedule",
        ScheduleKind.OneCycle => "OneCycleSchedule",
        ScheduleKind.ReduceOnPlateau => "ReduceOnPlateauSchedule",
        _ => throw new System.InvalidOperationException("no schedule record for " + kind),
    };

    private static void Property(SourceWriter w, string doc, string type, string name, string value, string? code = null)
    {
        w.Line("/// <summary>" + doc + " Default: " + value + ".</summary>");
        w.Line("public " + type + " " + name + " { get; init; } = " + (code ?? value) + ";");
        w.Line();
    }

    /// <summary>A nullable setting: null unless declared. <paramref name="code"/> is the initializer when it differs from the documented value.</summary>
    private static void Optional(SourceWriter w, string doc, string type, string name, string? value, string? code = null)
    {
        if (value is null)
        {
            w.Line("/// <summary>" + doc + " Default: null.</summary>");
            w.Line("public " + type + " " + name + " { get; init; }");
            w.Line();
            return;
        }

        Property(w, doc, type, name, value, code);
    }

    private static void WriteTrainer(SourceWriter w, AnalyzedModel model)
    {
        var name = model.Type.Name;

        // Where a local or a member could hide the class's simple name (a class called 'device' or 'Options').
        var qualified = "global::" + model.Type.FullName;
        var tensor = TorchNames.Tensor;
        w.Line("/// <summary>Trains and evaluates a <see cref=\"" + name + "\"/> with " + model.Optimizer.Kind + " on " + model.Loss + ".</summary>");
        w.Line(TorchNames.GeneratedCode);
        w.Open("public sealed class Trainer : " + RuntimeInterfaces.Trainer + "<" + qualified + ">");
        w.Line("private readonly " + TorchNames.Optimizer + " optimizer;");
        w.Line();
        w.Line("/// <summary>Trains <paramref name=\"model\"/> where it is: create it, and move it to its device, before the trainer (<see cref=\"Create\"/> does both).</summary>");
        w.Open("public Trainer(" + name + " model, TrainingOptions? options = null)");
        w.Line("Model = model;");
        w.Line("Options = options ?? new TrainingOptions();");
        w.Line("// Built from the model's current parameters: moving a module to a device replaces them.");
        w.Line("optimizer = " + OptimizerConstruction(model.Optimizer) + ";");
        w.Close();
        w.Line();
        w.Line("/// <summary>The model being trained.</summary>");
        w.Line("public " + name + " Model { get; }");
        w.Line();
        w.Line("/// <summary>The settings this trainer was created with.</summary>");
        w.Line("public TrainingOptions Options { get; }");
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Applies <see cref=\"TrainingOptions.Threads\"/>, seeds TorchSharp with <see cref=\"TrainingOptions.Seed\"/>, creates a new model on");
        w.Line("/// <see cref=\"TrainingOptions.Device\"/> and its trainer: the whole run is reproducible.");
        w.Line("/// </summary>");
        w.Open("public static Trainer Create(TrainingOptions? options = null)");
        w.Line("options ??= new TrainingOptions();");
        w.Line(Training + ".TrainingDevices.ApplyThreads(options.Threads);");
        w.Line("var device = " + Training + ".TrainingDevices.Resolve(options.Device);");
        w.Line(TorchNames.Torch + ".manual_seed(options.Seed);");
        w.Line("// Moved before the trainer builds its optimizer: moving a module replaces its parameters.");
        w.Line("var model = " + TorchNames.ModuleExtensions + ".to(new " + qualified + "(), device);");
        w.Line("return new Trainer(model, options);");
        w.Close();
        w.Line();
        w.Line("/// <summary>Trains for <see cref=\"TrainingOptions.Epochs\"/> epochs; inputs are [N, " + model.Input.ToText() + "], and so are the optional validation inputs.</summary>");
        w.Line("public " + Training + ".TrainingReport Fit(" + tensor + " trainInputs, " + tensor + "? validationInputs = null, global::System.Threading.CancellationToken cancellationToken = default) =>");
        w.Line("    " + Training + ".TrainingLoop.Fit(Model, optimizer, " + Objective(model) + ", trainInputs, validationInputs, LoopOptions(), cancellationToken);");
        w.Line();
        w.Line("/// <summary>Trains for <see cref=\"TrainingOptions.Epochs\"/> epochs on data read batch by batch (an image folder, say); its samples are [" + model.Input.ToText() + "], and so are the optional validation samples.</summary>");
        w.Line("public " + Training + ".TrainingReport Fit(" + Data + ".ITrainingData train, " + Data + ".ITrainingData? validation = null, global::System.Threading.CancellationToken cancellationToken = default) =>");
        w.Line("    " + Training + ".TrainingLoop.Fit(Model, optimizer, " + Objective(model) + ", train, validation, LoopOptions(), cancellationToken);");
        w.Line();
        w.Line("/// <summary>The declared loss over <paramref name=\"inputs\"/>, in evaluation mode.</summary>");
        w.Line("public double EvaluateLoss(" + tensor + " inputs) =>");
        w.Line("    " + Training + ".TrainingLoop.Evaluate(Model, " + Objective(model) + ", inputs, Options.BatchSize);");
        w.Line();
        w.Line("/// <summary>Reconstruction metrics (MSE, BCE, PSNR) over <paramref name=\"inputs\"/>, in evaluation mode.</summary>");
        w.Line("public " + Metrics + ".ReconstructionReport Evaluate(" + tensor + " inputs) =>");
        w.Line("    " + Metrics + ".ReconstructionMetrics.Evaluate(Model, inputs, Options.BatchSize);");
        w.Line();
        ImageFolderMembers.WriteTrainerMembers(w, model);
        model.Family.Emitter.WriteTrainerMembers(w, model);

        w.Line("private " + Training + ".TrainingOptions LoopOptions() => new()");
        w.Line("{");
        w.Line("    Epochs = Options.Epochs,");
        w.Line("    BatchSize = Options.BatchSize,");
        w.Line("    Seed = Options.Seed,");
        w.Line("    Observer = Options.Observer,");
        w.Line("    EarlyStopping = Options.EarlyStopping,");
        w.Line("    Schedule = Options.Schedule,");
        w.Line("    GradientClipNorm = Options.GradientClipNorm,");
        w.Line("    Checkpoints = Options.Checkpoints,");
        w.Line("    MaxSteps = Options.MaxSteps,");
        w.Line("    LowPrecision = " + Training + ".LowPrecisionReplica.For(Options.Precision, static () => new " + qualified + "(), static replica => replica." + ObjectiveMember(model) + "),");
        w.Line("    ModelFingerprint = " + qualified + ".Fingerprint,");
        w.Line("};");
        w.Close();
    }

    // The runtime's optimizers, not TorchSharp's: they hold every number they pass to libtorch for the whole call.
    private static string OptimizerConstruction(ResolvedOptimizer o) => o.Kind switch
    {
        OptimizerKind.Sgd => "new " + TorchNames.Optimizers + ".Sgd(Model.parameters(), Options.LearningRate, momentum: Options.Momentum, weightDecay: Options.WeightDecay, nesterov: Options.Nesterov)",
        OptimizerKind.AdamW => "new " + TorchNames.Optimizers + ".AdamW(Model.parameters(), Options.LearningRate, Options.WeightDecay, beta1: Options.Beta1, beta2: Options.Beta2)",
        _ => "new " + TorchNames.Optimizers + ".Adam(Model.parameters(), Options.LearningRate, beta1: Options.Beta1, beta2: Options.Beta2, weightDecay: Options.WeightDecay)",
    };

    /// <summary>Models whose loss has named terms train on <c>TrainingObjective</c> (a BatchObjective); the others on <c>TrainingLoss</c>.</summary>
    private static string Objective(AnalyzedModel model) => "Model." + ObjectiveMember(model);

    private static string ObjectiveMember(AnalyzedModel model) => model.HasObjective ? "TrainingObjective" : "TrainingLoss";
}
