using System;
using System.Collections.Generic;
using System.Linq;

namespace Autoencoder.Generators.Analysis;

/// <summary>
/// Validates the declared training settings and resolves their defaults: epochs, batch size and seed, gradient
/// clipping (AE0016), early stopping (AE0015) and the learning-rate schedule, whose parameters are checked against
/// the chosen kind (AE0017 out of range, AE0018 not for this kind, AE0019 required but missing).
/// </summary>
internal static class TrainingControls
{
    // One entry per attribute property (and YAML key). A default of null means the parameter is required.
    private static readonly Parameter StepSize = Parameter.Integer("StepSize", s => s.StepSize, null, 1, "the number of epochs between two multiplications by Gamma");
    private static readonly Parameter Gamma = new("Gamma", s => s.Gamma, 0.1, v => v > 0 && v <= 1, "in (0, 1]");
    private static readonly Parameter MinLearningRate = new("MinLearningRate", s => s.MinLearningRate, 0, v => v >= 0 && IsFinite(v), "a finite number ≥ 0");
    private static readonly Parameter MaxLearningRate = new(
        "MaxLearningRate", s => s.MaxLearningRate, null, v => v > 0 && IsFinite(v), "a finite number > 0",
        "the peak learning rate, reached after WarmupFraction of the steps (the optimizer's learning rate is not used)");
    private static readonly Parameter WarmupFraction = new("WarmupFraction", s => s.WarmupFraction, 0.3, v => v > 0 && v < 1, "in (0, 1)");
    private static readonly Parameter DivFactor = new("DivFactor", s => s.DivFactor, 25, v => v > 0 && IsFinite(v), "a finite number > 0");
    private static readonly Parameter FinalDivFactor = new("FinalDivFactor", s => s.FinalDivFactor, 1e4, v => v > 0 && IsFinite(v), "a finite number > 0");
    private static readonly Parameter Factor = new("Factor", s => s.Factor, 0.1, v => v > 0 && v < 1, "in (0, 1)");
    private static readonly Parameter Patience = Parameter.Integer("Patience", s => s.Patience, 10, 1, string.Empty);
    private static readonly Parameter Threshold = new("Threshold", s => s.Threshold, 1e-4, v => v >= 0 && IsFinite(v), "a finite number ≥ 0");

    private static readonly Parameter[] All = { StepSize, Gamma, MinLearningRate, MaxLearningRate, WarmupFraction, DivFactor, FinalDivFactor, Factor, Patience, Threshold };

    // What each kind takes, in the order of the runtime record's constructor.
    private static readonly Dictionary<ScheduleKind, Parameter[]> Kinds = new()
    {
        [ScheduleKind.Step] = new[] { StepSize, Gamma },
        [ScheduleKind.Cosine] = new[] { MinLearningRate },
        [ScheduleKind.OneCycle] = new[] { MaxLearningRate, WarmupFraction, DivFactor, FinalDivFactor },
        [ScheduleKind.ReduceOnPlateau] = new[] { Factor, Patience, Threshold, MinLearningRate },
    };

    public static ResolvedTraining Resolve(TrainingSpec spec, List<DiagnosticInfo> diagnostics)
    {
        var epochs = spec.Epochs ?? 10;
        var batchSize = spec.BatchSize ?? 64;
        ModelAnalyzer.Check(epochs > 0, spec.Location, "Epochs", "positive", Literals.Format(epochs), diagnostics);
        ModelAnalyzer.Check(batchSize > 0, spec.Location, "BatchSize", "positive", Literals.Format(batchSize), diagnostics);
        if (spec.GradientClipNorm is { } clip && !(clip > 0 && IsFinite(clip)))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GradientClipNormOutOfRange, spec.Location, Literals.Format(clip)));
        }

        return new ResolvedTraining(
            epochs,
            batchSize,
            spec.Seed ?? 42,
            spec.GradientClipNorm,
            spec.EarlyStopping is null ? null : ResolveEarlyStopping(spec.EarlyStopping, diagnostics),
            spec.Schedule is null ? null : ResolveSchedule(spec.Schedule, diagnostics));
    }

    private static ResolvedEarlyStopping ResolveEarlyStopping(EarlyStoppingSpec spec, List<DiagnosticInfo> diagnostics)
    {
        var resolved = new ResolvedEarlyStopping(spec.Patience, spec.MinDelta ?? 0, spec.RestoreBestWeights ?? true);
        if (resolved.Patience < 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EarlyStoppingOutOfRange, spec.Location, "Patience", "at least 1", Literals.Format(resolved.Patience)));
        }

        if (!(resolved.MinDelta >= 0 && IsFinite(resolved.MinDelta)))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EarlyStoppingOutOfRange, spec.Location, "MinDelta", "a finite number ≥ 0", Literals.Format(resolved.MinDelta)));
        }

        return resolved;
    }

    private static ResolvedSchedule? ResolveSchedule(ScheduleSpec spec, List<DiagnosticInfo> diagnostics)
    {
        if (!Kinds.TryGetValue(spec.Kind, out var takes))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.ValueOutOfRange,
                spec.Location,
                "The learning-rate schedule",
                "one of " + string.Join(", ", Enum.GetNames(typeof(ScheduleKind))),
                ((int)spec.Kind).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return null;
        }

        var kind = spec.Kind.ToString();
        foreach (var parameter in All)
        {
            if (parameter.Read(spec) is not null && !takes.Contains(parameter))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ScheduleParameterDoesNotApply, spec.Location, parameter.Name, kind, List(takes.Select(p => p.Name))));
            }
        }

        var arguments = new List<ScheduleArgument>();
        foreach (var parameter in takes)
        {
            var value = parameter.Read(spec) ?? parameter.Default;
            if (value is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ScheduleParameterMissing, spec.Location, kind, parameter.Name, parameter.Meaning));
                continue;
            }

            if (!parameter.InRange(value.Value))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ScheduleParameterOutOfRange, spec.Location, parameter.Name, kind, parameter.Expected, parameter.Format(value.Value)));
            }

            arguments.Add(new ScheduleArgument(parameter.Name, parameter.Format(value.Value)));
        }

        return new ResolvedSchedule(spec.Kind, arguments.ToEquatableArray());
    }

    private static string List(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 1 ? list[0] : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[list.Count - 1];
    }

    private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    private sealed class Parameter
    {
        public Parameter(string name, Func<ScheduleSpec, double?> read, double? @default, Func<double, bool> inRange, string expected, string meaning = "", bool isInteger = false)
        {
            Name = name;
            Read = read;
            Default = @default;
            InRange = inRange;
            Expected = expected;
            Meaning = meaning;
            IsInteger = isInteger;
        }

        public string Name { get; }

        public Func<ScheduleSpec, double?> Read { get; }

        public double? Default { get; }

        public Func<double, bool> InRange { get; }

        public string Expected { get; }

        /// <summary>What a required parameter is, for the message that asks for it.</summary>
        public string Meaning { get; }

        public bool IsInteger { get; }

        public static Parameter Integer(string name, Func<ScheduleSpec, int?> read, int? @default, int minimum, string meaning)
            => new(name, s => read(s), @default, v => v >= minimum, "at least " + minimum, meaning, isInteger: true);

        /// <summary>As a C# literal and in messages: integers without a decimal point, other numbers always with one.</summary>
        public string Format(double value) => IsInteger ? Literals.Format((long)value) : Literals.Format(value);
    }
}
