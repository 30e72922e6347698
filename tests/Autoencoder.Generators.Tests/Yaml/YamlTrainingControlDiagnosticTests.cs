using System.Linq;
using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests.Yaml;

/// <summary>
/// The training controls under 'training:' declared wrongly in YAML: the YAML errors at their key or value, and the
/// model errors the attributes get (AE0015–AE0019), at the map that declares the control.
/// </summary>
public class YamlTrainingControlDiagnosticTests
{
    private const string Model = """
        name: Small
        input: [4]
        encoder:
          - dense: {units: 2, activation: relu}
        decoder:
          - dense: {units: 4}

        """;

    [Fact]
    public void Valid_controls_have_no_diagnostics()
    {
        var yaml = Model + """
            training:
              epochs: 5
              gradient_clip_norm: 0.5
              early_stopping: {patience: 2}
              schedule: {kind: reduce_on_plateau, factor: 0.5, patience: 1, threshold: 0, min_learning_rate: 1e-6}
            """;

        var run = GeneratorHarness.RunYaml(yaml);

        run.Result.Diagnostics.ShouldBeEmpty();
        run.CompilationProblems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("training: {epochs: 5, early_stoping: {patience: 3}}", "early_stoping", "'early_stoping' is not a key of 'training'; did you mean 'early_stopping'?")]
    [InlineData("training: {gradient_clip_nrom: 1.0}", "gradient_clip_nrom", "'gradient_clip_nrom' is not a key of 'training'; did you mean 'gradient_clip_norm'?")]
    [InlineData("training: {shedule: {kind: cosine}}", "shedule", "'shedule' is not a key of 'training'; did you mean 'schedule'?")]
    [InlineData("training: {early_stopping: {patience: 3, min_detla: 0.1}}", "min_detla", "'min_detla' is not a key of 'early_stopping'; did you mean 'min_delta'?")]
    [InlineData("training: {schedule: {kind: step, step_sise: 3}}", "step_sise", "'step_sise' is not a key of 'schedule'; did you mean 'step_size'?")]
    [InlineData("training: {schedule: {kind: cosine, min_lr: 0.001}}", "min_lr",
        "'min_lr' is not a key of 'schedule'; use one of 'kind', 'step_size', 'gamma', 'min_learning_rate', 'max_learning_rate', "
        + "'warmup_fraction', 'div_factor', 'final_div_factor', 'factor', 'patience', 'threshold'")]
    public void AE0102_misspelt_key_points_at_it_and_suggests_the_closest(string training, string key, string message)
    {
        var yaml = Model + training + "\n";

        var diagnostics = GeneratorHarness.RunYaml(yaml).Result.Diagnostics;

        var diagnostic = diagnostics.Single(d => d.Id == "AE0102");
        diagnostic.GetMessage().ShouldBe(message);
        YamlDiagnosticTests.AssertAt(diagnostic, yaml, key, length: key.Length);
    }

    [Fact]
    public void AE0102_misspelt_patience_also_leaves_it_missing()
    {
        var yaml = Model + "training: {early_stopping: {patince: 3}}\n";

        var diagnostics = GeneratorHarness.RunYaml(yaml).Result.Diagnostics;

        diagnostics.Select(d => d.Id).ShouldBe(new[] { "AE0102", "AE0104" }, ignoreOrder: true);
        diagnostics.Single(d => d.Id == "AE0102").GetMessage().ShouldBe("'patince' is not a key of 'early_stopping'; did you mean 'patience'?");
    }

    [Theory]
    [InlineData("training: {gradient_clip_norm: big}", "big", "'gradient_clip_norm' must be a number, but is 'big'")]
    [InlineData("training: {early_stopping: {patience: 2.5}}", "2.5", "'patience' of 'early_stopping' must be an integer, but is '2.5'")]
    [InlineData("training: {early_stopping: {patience: 2, restore_best_weights: yes}}", "yes", "'restore_best_weights' of 'early_stopping' must be true or false, but is 'yes'")]
    [InlineData("training: {early_stopping: 5}", "5", "'early_stopping' must be a map such as '{ key: value }', but is '5'")]
    [InlineData("training: {schedule: {kind: step, step_size: \"3\"}}", "\"3\"", "'step_size' of 'schedule' must be an integer, but is '3'")]
    [InlineData("training: {schedule: [step, 3]}", "[step, 3]", "'schedule' must be a map such as '{ key: value }', but is a list")]
    public void AE0103_value_of_the_wrong_type(string training, string value, string message)
    {
        var yaml = Model + training + "\n";

        var diagnostic = YamlDiagnosticTests.Single(yaml, "AE0103");

        diagnostic.GetMessage().ShouldBe(message);
        YamlDiagnosticTests.AssertAt(diagnostic, yaml, value, length: value.Length);
    }

    [Theory]
    [InlineData("training: {schedule: {step_size: 3}}", "{step_size: 3}", "'schedule' has no 'kind', which is required: one of 'step', 'cosine', 'one_cycle', 'reduce_on_plateau', e.g. 'schedule: {kind: cosine}'")]
    [InlineData("training: {early_stopping: {min_delta: 0.01}}", "{min_delta: 0.01}", "'early_stopping' has no 'patience', which is required: the epochs without improvement before training stops, e.g. 'early_stopping: {patience: 5}'")]
    public void AE0104_schedule_kind_and_patience_are_required(string training, string map, string message)
    {
        var yaml = Model + training + "\n";

        var diagnostic = YamlDiagnosticTests.Single(yaml, "AE0104");

        diagnostic.GetMessage().ShouldBe(message);
        YamlDiagnosticTests.AssertAt(diagnostic, yaml, map, length: map.Length);
    }

    [Fact]
    public void AE0007_unknown_schedule_kind_lists_the_valid_ones()
    {
        var yaml = Model + "training: {schedule: {kind: linear}}\n";

        var diagnostic = YamlDiagnosticTests.Single(yaml, "AE0007");

        diagnostic.GetMessage().ShouldBe("The schedule's 'kind' must be one of 'step', 'cosine', 'one_cycle', 'reduce_on_plateau', but is 'linear'");
        YamlDiagnosticTests.AssertAt(diagnostic, yaml, "linear", length: "linear".Length);
    }

    [Fact]
    public void AE0015_early_stopping_out_of_range_points_at_its_map()
    {
        const string map = "{patience: 0, min_delta: -1}";
        var yaml = Model + "training: {epochs: 5, early_stopping: " + map + "}\n";

        var diagnostics = GeneratorHarness.RunYaml(yaml).Result.Diagnostics;

        diagnostics.Select(d => d.Id + " " + d.GetMessage()).ShouldBe(new[]
        {
            "AE0015 Patience of EarlyStopping must be at least 1, but is 0",
            "AE0015 MinDelta of EarlyStopping must be a finite number ≥ 0, but is -1.0",
        });
        YamlDiagnosticTests.AssertAt(diagnostics[0], yaml, map, length: map.Length);
    }

    [Fact]
    public void AE0016_clip_norm_out_of_range_points_at_the_training_map()
    {
        var yaml = Model + "training:\n  epochs: 5\n  gradient_clip_norm: 0\n";

        var diagnostic = YamlDiagnosticTests.Single(yaml, "AE0016");

        diagnostic.GetMessage().ShouldStartWith("GradientClipNorm must be a finite number > 0, but is 0.0");
        YamlDiagnosticTests.AssertAt(diagnostic, yaml, "epochs: 5", length: "epochs: 5\n  gradient_clip_norm: 0".Length);
    }

    [Fact]
    public void AE0017_schedule_value_out_of_range_points_at_the_schedule_map()
    {
        const string map = "{kind: step, step_size: 3, gamma: 2}";
        var yaml = Model + "training: {schedule: " + map + "}\n";

        var diagnostic = YamlDiagnosticTests.Single(yaml, "AE0017");

        diagnostic.GetMessage().ShouldBe("Gamma of the Step schedule must be in (0, 1], but is 2.0");
        YamlDiagnosticTests.AssertAt(diagnostic, yaml, map, length: map.Length);
    }

    [Fact]
    public void AE0018_key_of_another_kind_names_the_kind_and_what_it_takes()
    {
        var yaml = Model + """
            training:
              schedule:
                kind: cosine
                step_size: 10
            """;

        var diagnostic = YamlDiagnosticTests.Single(yaml, "AE0018");

        diagnostic.GetMessage().ShouldBe("StepSize does not apply to the Cosine schedule, which takes MinLearningRate; remove it, or choose the kind it belongs to");
        YamlDiagnosticTests.AssertAt(diagnostic, yaml, "kind: cosine", length: "kind: cosine\n    step_size: 10".Length);
    }

    [Theory]
    [InlineData("{kind: step, gamma: 0.5}", "The Step schedule needs StepSize")]
    [InlineData("{kind: one_cycle}", "The OneCycle schedule needs MaxLearningRate")]
    public void AE0019_required_parameter_missing(string map, string start)
    {
        var yaml = Model + "training: {schedule: " + map + "}\n";

        var diagnostic = YamlDiagnosticTests.Single(yaml, "AE0019");

        diagnostic.GetMessage().ShouldStartWith(start);
        YamlDiagnosticTests.AssertAt(diagnostic, yaml, map, length: map.Length);
    }

    [Theory]
    [InlineData("ScheduleKind.Step, StepSize = 10", "{kind: step, step_size: 10}")]
    [InlineData("ScheduleKind.Step, StepSize = 2, Gamma = 0.25", "{kind: step, step_size: 2, gamma: 0.25}")]
    [InlineData("ScheduleKind.Cosine", "{kind: cosine}")]
    [InlineData("ScheduleKind.Cosine, MinLearningRate = 1e-5", "{kind: cosine, min_learning_rate: 1e-5}")]
    [InlineData("ScheduleKind.OneCycle, MaxLearningRate = 0.1", "{kind: one_cycle, max_learning_rate: 0.1}")]
    [InlineData("ScheduleKind.ReduceOnPlateau, Patience = 4, Threshold = 0.001", "{kind: reduce_on_plateau, patience: 4, threshold: 0.001}")]
    public void Every_schedule_kind_generates_the_same_trainer_from_yaml_and_attributes(string attribute, string map)
    {
        var attributes = Models.Usings + "[Autoencoder, Input(4), LearningRateSchedule(" + attribute + "), EarlyStopping(3, RestoreBestWeights = false)]\n" + """
            public partial class Small
            {
                [Dense(2, Activation.ReLU)] public partial Tensor Encode(Tensor x);
                [Dense(4)] public partial Tensor Decode(Tensor z);
            }
            """;
        var yaml = Model + "training: {schedule: " + map + ", early_stopping: {patience: 3, restore_best_weights: false}}\n";

        var fromYaml = GeneratorHarness.RunYaml(yaml);
        var fromAttributes = GeneratorHarness.Run(attributes);

        fromYaml.Result.Diagnostics.ShouldBeEmpty();
        fromAttributes.Result.Diagnostics.ShouldBeEmpty();
        fromYaml.Source(".Trainer.g.cs").ShouldBe(fromAttributes.Source(".Trainer.g.cs").Replace("partial class Small", "public partial class Small"));
    }
}
