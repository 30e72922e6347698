using System.Linq;
using System.Text;
using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests;

/// <summary>
/// Early stopping, learning-rate schedules, gradient clipping, checkpoints, device and threads in the generated options
/// and trainer, and the architecture fingerprint on the module.
/// </summary>
public class TrainingControlCodeTests
{
    [Fact]
    public void Controlled_model_generates_module_and_trainer()
    {
        var run = GeneratorHarness.Run(Models.Controlled);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        Snapshot.Match(run.Source(".Module.g.cs"), "Controlled.Module");
        Snapshot.Match(run.Source(".Trainer.g.cs"), "Controlled.Trainer");
    }

    [Theory]
    [InlineData("ScheduleKind.Step, StepSize = 10", "StepSchedule(StepSize: 10, Gamma: 0.1)")]
    [InlineData("ScheduleKind.Step, StepSize = 3, Gamma = 0.5", "StepSchedule(StepSize: 3, Gamma: 0.5)")]
    [InlineData("ScheduleKind.Step, StepSize = 3, Gamma = 1", "StepSchedule(StepSize: 3, Gamma: 1.0)")]
    [InlineData("ScheduleKind.Cosine", "CosineSchedule(MinLearningRate: 0.0)")]
    [InlineData("ScheduleKind.Cosine, MinLearningRate = 1e-5", "CosineSchedule(MinLearningRate: 1E-05)")]
    [InlineData("ScheduleKind.OneCycle, MaxLearningRate = 0.1", "OneCycleSchedule(MaxLearningRate: 0.1, WarmupFraction: 0.3, DivFactor: 25.0, FinalDivFactor: 10000.0)")]
    [InlineData("ScheduleKind.ReduceOnPlateau", "ReduceOnPlateauSchedule(Factor: 0.1, Patience: 10, Threshold: 0.0001, MinLearningRate: 0.0)")]
    [InlineData("ScheduleKind.ReduceOnPlateau, Factor = 0.5, Patience = 2, Threshold = 0, MinLearningRate = 1e-6", "ReduceOnPlateauSchedule(Factor: 0.5, Patience: 2, Threshold: 0.0, MinLearningRate: 1E-06)")]
    public void Each_schedule_kind_is_built_from_its_declared_values_and_the_runtime_defaults(string attribute, string record)
    {
        var run = GeneratorHarness.Run(Small("[LearningRateSchedule(" + attribute + ")]"));

        GeneratedCodeTests.AssertCompilesCleanly(run);
        var trainer = run.Source(".Trainer.g.cs");
        trainer.ShouldContain("/// <summary>How the learning rate changes over the run; null keeps the optimizer's rate. Default: " + record + ".</summary>");
        trainer.ShouldContain("public global::Autoencoder.Runtime.Training.LearningRateSchedule? Schedule { get; init; } = new global::Autoencoder.Runtime.Training." + record + ";");
    }

    [Fact]
    public void Early_stopping_defaults_to_no_min_delta_and_restoring_the_best_weights()
    {
        var run = GeneratorHarness.Run(Small("[EarlyStopping(3)]"));

        GeneratedCodeTests.AssertCompilesCleanly(run);
        run.Source(".Trainer.g.cs").ShouldContain(
            "public global::Autoencoder.Runtime.Training.EarlyStopping? EarlyStopping { get; init; } = new(Patience: 3, MinDelta: 0.0, RestoreBestWeights: true);");
    }

    [Fact]
    public void Undeclared_controls_are_null_and_the_device_is_the_cpu()
    {
        var trainer = GeneratorHarness.Run(Small(string.Empty)).Source(".Trainer.g.cs");

        trainer.ShouldContain("public global::Autoencoder.Runtime.Training.EarlyStopping? EarlyStopping { get; init; }\n");
        trainer.ShouldContain("public global::Autoencoder.Runtime.Training.LearningRateSchedule? Schedule { get; init; }\n");
        trainer.ShouldContain("public double? GradientClipNorm { get; init; }\n");
        trainer.ShouldContain("public global::Autoencoder.Runtime.Training.CheckpointOptions? Checkpoints { get; init; }\n");
        trainer.ShouldContain("public int? Threads { get; init; }\n");
        trainer.ShouldContain("public global::Autoencoder.Runtime.Training.TrainingDevice Device { get; init; } = global::Autoencoder.Runtime.Training.TrainingDevice.Cpu;");
    }

    [Fact]
    public void Create_sets_threads_and_seed_then_moves_the_model_before_the_optimizer_is_built()
    {
        var trainer = GeneratorHarness.Run(Small(string.Empty)).Source(".Trainer.g.cs");

        var create = trainer.Substring(trainer.IndexOf("public static Trainer Create(", System.StringComparison.Ordinal));
        var order = new[]
        {
            "TrainingDevices.ApplyThreads(options.Threads);",
            "TrainingDevices.Resolve(options.Device);",
            "torch.manual_seed(options.Seed);",
            "var model = global::TorchSharp.ModuleExtensionMethods.to(new global::Examples.Small(), device);",
            "return new Trainer(model, options);",
        };
        var positions = order.Select(line => create.IndexOf(line, System.StringComparison.Ordinal)).ToList();
        positions.ShouldAllBe(p => p >= 0);
        positions.ShouldBeInOrder();
    }

    [Theory]
    [InlineData("device")]
    [InlineData("model")]
    [InlineData("options")]
    [InlineData("Options")]
    public void Class_named_like_a_local_or_member_of_the_trainer_still_compiles(string name)
    {
        var run = GeneratorHarness.Run(Small("[EarlyStopping(2)]").Replace("class Small", "class " + name));

        GeneratedCodeTests.AssertCompilesCleanly(run);
    }

    [Fact]
    public void Loop_options_carry_every_control_the_step_limit_the_precision_and_the_fingerprint()
    {
        var trainer = GeneratorHarness.Run(Models.Controlled).Source(".Trainer.g.cs");

        trainer.ShouldContain(
            "                EarlyStopping = Options.EarlyStopping,\n"
            + "                Schedule = Options.Schedule,\n"
            + "                GradientClipNorm = Options.GradientClipNorm,\n"
            + "                Checkpoints = Options.Checkpoints,\n"
            + "                MaxSteps = Options.MaxSteps,\n"
            + "                LowPrecision = global::Autoencoder.Runtime.Training.LowPrecisionReplica.For(Options.Precision, static () => new global::Examples.Controls.ControlledAutoencoder(), static replica => replica.TrainingLoss),\n"
            + "                ModelFingerprint = global::Examples.Controls.ControlledAutoencoder.Fingerprint,\n");
    }

    [Fact]
    public void Attributes_and_runtime_types_of_the_same_name_do_not_clash()
    {
        // Autoencoder.EarlyStoppingAttribute beside Autoencoder.Runtime.Training.EarlyStopping (and the schedules):
        // C# picks the attribute class, so a file may use both namespaces.
        const string source = Models.Usings + """
            using Autoencoder.Runtime.Training;

            namespace Examples;

            [Autoencoder, Input(4)]
            [EarlyStopping(2)]
            [LearningRateSchedule(ScheduleKind.Cosine)]
            public partial class BothNamespaces
            {
                [Dense(2)] public partial Tensor Encode(Tensor x);
                [Dense(4)] public partial Tensor Decode(Tensor z);

                public static EarlyStopping Stopping => new(Patience: 2);

                public static LearningRateSchedule Schedule => new CosineSchedule();
            }
            """;

        GeneratedCodeTests.AssertCompilesCleanly(GeneratorHarness.Run(source));
    }

    [Fact]
    public void Fingerprint_is_the_fnv1a_hash_of_the_input_and_each_layer()
    {
        // The hashed text, written out: changing its format would change every model's fingerprint.
        const string text = "input [B, 1, 28, 28]\n"
                            + "encoder0 Flatten [B, 1, 28, 28] -> [B, 784] 0\n"
                            + "encoder1 Dense(32, ReLU) [B, 784] -> [B, 32] 25120\n"
                            + "decoder0 Dense(784, Sigmoid) [B, 32] -> [B, 784] 25872\n"
                            + "decoder1 Unflatten(1, 28, 28) [B, 784] -> [B, 1, 28, 28] 0\n";

        var module = GeneratorHarness.Run(Models.Classic).Source(".Module.g.cs");

        module.ShouldContain("public const string Fingerprint = \"" + Fnv1a(text) + "\";");
    }

    [Theory]
    [InlineData("public partial class Small", "public partial class Renamed")]
    [InlineData("namespace Examples;", "namespace Elsewhere.Models;")]
    [InlineData("[Autoencoder, Input(4)]", "[Autoencoder(Init = WeightInit.KaimingNormal), Input(4)]")]
    [InlineData("[Autoencoder, Input(4)]", "[Autoencoder, Input(4), Loss(ReconstructionLoss.L1)]")]
    [InlineData("[Autoencoder, Input(4)]", "[Autoencoder, Input(4), Optimizer(OptimizerKind.Sgd, LearningRate = 0.1)]")]
    [InlineData("[Autoencoder, Input(4)]", "[Autoencoder, Input(4), Training(Epochs = 3, Seed = 7, GradientClipNorm = 2)]")]
    [InlineData("[Autoencoder, Input(4)]", "[Autoencoder, Input(4), EarlyStopping(2), LearningRateSchedule(ScheduleKind.Cosine)]")]
    [InlineData("[Dense(2, Activation.ReLU)]", "[Dense(2, Activation.ReLU, Init = WeightInit.GlorotUniform)]")]
    public void Fingerprint_ignores_names_and_training_settings(string from, string to)
    {
        Fingerprint(Small(string.Empty).Replace(from, to)).ShouldBe(Fingerprint(Small(string.Empty)));
    }

    [Theory]
    [InlineData("Input(4)]", "Input(1, 2, 2)]", "[Dense(2, Activation.ReLU)]", "[Flatten, Dense(2, Activation.ReLU)]", "[Dense(4)]", "[Dense(4), Unflatten(1, 2, 2)]")]
    [InlineData("[Dense(2, Activation.ReLU)]", "[Dense(3, Activation.ReLU)]", "", "", "", "")]
    [InlineData("[Dense(2, Activation.ReLU)]", "[Dense(2, Activation.Tanh)]", "", "", "", "")]
    [InlineData("[Dense(2, Activation.ReLU)]", "[Dense(2, Activation.ReLU, Bias = false)]", "", "", "", "")]
    [InlineData("[Dense(2, Activation.ReLU)]", "[Dense(2, Activation.ReLU), Dropout(0.1)]", "", "", "", "")]
    [InlineData("[Dense(2, Activation.ReLU)]", "[Dropout(0.1), Dense(2, Activation.ReLU)]", "", "", "", "")]
    public void Fingerprint_changes_with_the_architecture(string from, string to, string from2, string to2, string from3, string to3)
    {
        var changed = Small(string.Empty).Replace(from, to);
        if (from2.Length > 0)
        {
            changed = changed.Replace(from2, to2).Replace(from3, to3);
        }

        changed.ShouldNotBe(Small(string.Empty));
        Fingerprint(changed).ShouldNotBe(Fingerprint(Small(string.Empty)));
    }

    [Fact]
    public void Fingerprints_are_sixteen_hex_digits_and_differ_between_the_test_models()
    {
        var fingerprints = new[] { Models.Classic, Models.Deep, Models.Nested, Models.Conv, Models.Pooled, Models.Residual, Models.Normed, Models.Controlled }
            .Select(Fingerprint)
            .ToList();

        fingerprints.ShouldAllBe(f => System.Text.RegularExpressions.Regex.IsMatch(f, "^[0-9a-f]{16}$"));
        fingerprints.ShouldBeUnique();
    }

    /// <summary>A small valid model with <paramref name="attributes"/> added to its class.</summary>
    private static string Small(string attributes) => DiagnosticTests.Header + attributes + "\n" + """
        [Autoencoder, Input(4)]
        public partial class Small
        {
            [Dense(2, Activation.ReLU)] public partial Tensor Encode(Tensor x);
            [Dense(4)] public partial Tensor Decode(Tensor z);
        }
        """;

    private static string Fingerprint(string source)
    {
        var run = GeneratorHarness.Run(source);
        GeneratedCodeTests.AssertCompilesCleanly(run);
        var module = run.Source(".Module.g.cs");
        const string marker = "public const string Fingerprint = \"";
        var start = module.IndexOf(marker, System.StringComparison.Ordinal) + marker.Length;
        return module.Substring(start, 16);
    }

    private static string Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }
}
