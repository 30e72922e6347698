using System.Linq;
using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests;

/// <summary>Early stopping, gradient clipping and the learning-rate schedule declared wrongly with attributes: id, message and place.</summary>
public class TrainingControlDiagnosticTests
{
    [Fact]
    public void AE0015_patience_below_one_points_at_the_attribute()
    {
        var source = Model("[EarlyStopping(0)]");

        var diagnostic = DiagnosticTests.Single(source, "AE0015");

        diagnostic.GetMessage().ShouldBe("Patience of EarlyStopping must be at least 1, but is 0");
        DiagnosticTests.AssertAt(diagnostic, source, "EarlyStopping(0)", length: "EarlyStopping(0)".Length);
    }

    [Theory]
    [InlineData("-0.1", "-0.1")]
    [InlineData("double.NaN", "NaN")]
    [InlineData("double.PositiveInfinity", "Infinity")]
    public void AE0015_negative_or_non_finite_min_delta(string value, string shown)
    {
        var source = Model("[EarlyStopping(3, MinDelta = " + value + ")]");

        var diagnostic = DiagnosticTests.Single(source, "AE0015");

        diagnostic.GetMessage().ShouldBe("MinDelta of EarlyStopping must be a finite number ≥ 0, but is " + shown);
        DiagnosticTests.AssertAt(diagnostic, source, "EarlyStopping(3", length: ("EarlyStopping(3, MinDelta = " + value + ")").Length);
    }

    [Theory]
    [InlineData("0", "0.0")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("double.NaN", "NaN")]
    public void AE0016_clip_norm_that_is_not_positive_points_at_the_training_attribute(string value, string shown)
    {
        var source = Model("[Training(Epochs = 5, GradientClipNorm = " + value + ")]");

        var diagnostic = DiagnosticTests.Single(source, "AE0016");

        diagnostic.GetMessage().ShouldBe(
            "GradientClipNorm must be a finite number > 0, but is " + shown
            + ": it is the largest global L2 norm the gradients keep; leave it unset to train without clipping");
        DiagnosticTests.AssertAt(diagnostic, source, "Training(Epochs", length: ("Training(Epochs = 5, GradientClipNorm = " + value + ")").Length);
    }

    [Theory]
    [InlineData("ScheduleKind.Step, StepSize = 0", "StepSize of the Step schedule must be at least 1, but is 0")]
    [InlineData("ScheduleKind.Step, StepSize = 5, Gamma = 0", "Gamma of the Step schedule must be in (0, 1], but is 0.0")]
    [InlineData("ScheduleKind.Step, StepSize = 5, Gamma = 1.5", "Gamma of the Step schedule must be in (0, 1], but is 1.5")]
    [InlineData("ScheduleKind.Cosine, MinLearningRate = -1e-3", "MinLearningRate of the Cosine schedule must be a finite number ≥ 0, but is -0.001")]
    [InlineData("ScheduleKind.OneCycle, MaxLearningRate = 0", "MaxLearningRate of the OneCycle schedule must be a finite number > 0, but is 0.0")]
    [InlineData("ScheduleKind.OneCycle, MaxLearningRate = double.PositiveInfinity", "MaxLearningRate of the OneCycle schedule must be a finite number > 0, but is Infinity")]
    [InlineData("ScheduleKind.OneCycle, MaxLearningRate = 0.1, WarmupFraction = 1", "WarmupFraction of the OneCycle schedule must be in (0, 1), but is 1.0")]
    [InlineData("ScheduleKind.OneCycle, MaxLearningRate = 0.1, WarmupFraction = 0", "WarmupFraction of the OneCycle schedule must be in (0, 1), but is 0.0")]
    [InlineData("ScheduleKind.OneCycle, MaxLearningRate = 0.1, DivFactor = -25", "DivFactor of the OneCycle schedule must be a finite number > 0, but is -25.0")]
    [InlineData("ScheduleKind.OneCycle, MaxLearningRate = 0.1, FinalDivFactor = 0", "FinalDivFactor of the OneCycle schedule must be a finite number > 0, but is 0.0")]
    [InlineData("ScheduleKind.ReduceOnPlateau, Factor = 1", "Factor of the ReduceOnPlateau schedule must be in (0, 1), but is 1.0")]
    [InlineData("ScheduleKind.ReduceOnPlateau, Factor = 0", "Factor of the ReduceOnPlateau schedule must be in (0, 1), but is 0.0")]
    [InlineData("ScheduleKind.ReduceOnPlateau, Patience = 0", "Patience of the ReduceOnPlateau schedule must be at least 1, but is 0")]
    [InlineData("ScheduleKind.ReduceOnPlateau, Threshold = -0.01", "Threshold of the ReduceOnPlateau schedule must be a finite number ≥ 0, but is -0.01")]
    [InlineData("ScheduleKind.ReduceOnPlateau, MinLearningRate = -1", "MinLearningRate of the ReduceOnPlateau schedule must be a finite number ≥ 0, but is -1.0")]
    public void AE0017_schedule_value_out_of_range_points_at_the_schedule(string arguments, string message)
    {
        var attribute = "LearningRateSchedule(" + arguments + ")";
        var source = Model("[" + attribute + "]");

        var diagnostic = DiagnosticTests.Single(source, "AE0017");

        diagnostic.GetMessage().ShouldBe(message);
        DiagnosticTests.AssertAt(diagnostic, source, attribute, length: attribute.Length);
    }

    [Theory]
    [InlineData("ScheduleKind.Cosine, StepSize = 10", "StepSize does not apply to the Cosine schedule, which takes MinLearningRate")]
    [InlineData("ScheduleKind.Step, StepSize = 10, MinLearningRate = 0", "MinLearningRate does not apply to the Step schedule, which takes StepSize and Gamma")]
    [InlineData("ScheduleKind.ReduceOnPlateau, Gamma = 0.5", "Gamma does not apply to the ReduceOnPlateau schedule, which takes Factor, Patience, Threshold and MinLearningRate")]
    [InlineData("ScheduleKind.OneCycle, MaxLearningRate = 0.1, Patience = 3", "Patience does not apply to the OneCycle schedule, which takes MaxLearningRate, WarmupFraction, DivFactor and FinalDivFactor")]
    public void AE0018_parameter_of_another_kind_names_the_kind_and_what_it_takes(string arguments, string message)
    {
        var attribute = "LearningRateSchedule(" + arguments + ")";
        var source = Model("[" + attribute + "]");

        var diagnostic = DiagnosticTests.Single(source, "AE0018");

        diagnostic.GetMessage().ShouldBe(message + "; remove it, or choose the kind it belongs to");
        DiagnosticTests.AssertAt(diagnostic, source, attribute, length: attribute.Length);
    }

    [Fact]
    public void AE0018_each_foreign_parameter_is_reported()
    {
        var source = Model("[LearningRateSchedule(ScheduleKind.Cosine, StepSize = 10, Gamma = 0.5, Factor = 0.5)]");

        var messages = DiagnosticTests.Diagnostics(source).Select(d => d.Id + " " + d.GetMessage()).ToList();

        messages.ShouldBe(new[]
        {
            "AE0018 StepSize does not apply to the Cosine schedule, which takes MinLearningRate; remove it, or choose the kind it belongs to",
            "AE0018 Gamma does not apply to the Cosine schedule, which takes MinLearningRate; remove it, or choose the kind it belongs to",
            "AE0018 Factor does not apply to the Cosine schedule, which takes MinLearningRate; remove it, or choose the kind it belongs to",
        });
    }

    [Theory]
    [InlineData("ScheduleKind.Step", "The Step schedule needs StepSize, the number of epochs between two multiplications by Gamma")]
    [InlineData("ScheduleKind.Step, Gamma = 0.5", "The Step schedule needs StepSize, the number of epochs between two multiplications by Gamma")]
    [InlineData(
        "ScheduleKind.OneCycle, WarmupFraction = 0.2",
        "The OneCycle schedule needs MaxLearningRate, the peak learning rate, reached after WarmupFraction of the steps (the optimizer's learning rate is not used)")]
    public void AE0019_required_parameter_missing(string arguments, string message)
    {
        var attribute = "LearningRateSchedule(" + arguments + ")";
        var source = Model("[" + attribute + "]");

        var diagnostic = DiagnosticTests.Single(source, "AE0019");

        diagnostic.GetMessage().ShouldBe(message);
        DiagnosticTests.AssertAt(diagnostic, source, attribute, length: attribute.Length);
    }

    [Fact]
    public void AE0007_undefined_schedule_kind()
    {
        var source = Model("[LearningRateSchedule((ScheduleKind)7, StepSize = 2)]");

        var diagnostic = DiagnosticTests.Single(source, "AE0007");

        diagnostic.GetMessage().ShouldBe("The learning-rate schedule must be one of Step, Cosine, OneCycle, ReduceOnPlateau, but is 7");
        DiagnosticTests.AssertAt(diagnostic, source, "LearningRateSchedule((", length: "LearningRateSchedule((ScheduleKind)7, StepSize = 2)".Length);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_no_code_is_generated()
    {
        var source = Model("[Training(GradientClipNorm = -1), EarlyStopping(0), LearningRateSchedule(ScheduleKind.Step, Factor = 0.5)]");

        var run = GeneratorHarness.Run(source);

        run.GeneratorDiagnostics.Select(d => d.Id).ShouldBe(new[] { "AE0016", "AE0015", "AE0018", "AE0019" });
        run.Sources.Select(s => s.HintName).ShouldBe(new[] { "Examples.Controls.Errors.g.cs" });
        run.CompilationProblems.ShouldBeEmpty();
    }

    /// <summary>A valid model with <paramref name="attributes"/> on its class.</summary>
    private static string Model(string attributes) => DiagnosticTests.Header + attributes + "\n" + """
        [Autoencoder, Input(4)]
        public partial class Controls
        {
            [Dense(2, Activation.ReLU)] public partial Tensor Encode(Tensor x);
            [Dense(4)] public partial Tensor Decode(Tensor z);
        }
        """;
}
