using System.Collections.Generic;
using System.Linq;

namespace Autoencoder.Generators.Emit;

/// <summary>
/// The runtime interfaces a generated model implements (Autoencoder.Runtime.Models): <c>IAutoencoder&lt;TSelf&gt;</c> always,
/// the capability interfaces its family adds (<see cref="Families.FamilyEmitter.Interfaces"/>), and
/// <c>IDenoisingAutoencoder</c> when it declares denoising. The model's public members implement what they can; the rest is
/// written here as explicit implementations: static members (a const cannot implement a static abstract property, and
/// Corrupt is static), and members the class does not otherwise offer (Module, Features, Create). The trainer's part writes
/// <c>CreateTrainer</c> (<see cref="TrainerEmitter"/>).
/// </summary>
internal static class RuntimeInterfaces
{
    public const string Autoencoder = TorchNames.Models + ".IAutoencoder";
    public const string Trainer = TorchNames.Models + ".ITrainer";
    public const string Overrides = TorchNames.Models + ".TrainerOverrides";
    private static readonly Capability Denoising = new("IDenoisingAutoencoder", "Denoise");

    /// <summary><c>IAutoencoder&lt;global::Ns.Model&gt;</c>.</summary>
    public static string OfSelf(AnalyzedModel model) => Autoencoder + "<" + Self(model) + ">";

    public static string Self(AnalyzedModel model) => "global::" + model.Type.FullName;

    /// <summary>The interfaces of the class line, in order.</summary>
    public static IReadOnlyList<string> Of(AnalyzedModel model)
        => new[] { OfSelf(model) }.Concat(Capabilities(model).Select(c => c.FullName)).ToList();

    /// <summary>The explicit implementations, at the end of the module's part.</summary>
    public static void WriteMembers(SourceWriter w, AnalyzedModel model)
    {
        var tensor = TorchNames.Tensor;
        var self = OfSelf(model);
        var capabilities = Capabilities(model);
        var names = new[] { "IAutoencoder<" + model.Type.Name + ">" }.Concat(capabilities.Select(c => c.Name));
        var shapes = model.Free is null ? new[] { "Reconstruct", "InputShape", "CodeShape" } : new[] { "Reconstruct", "InputShape", "CodeShape", "Geometry" };
        var members = shapes.Concat(capabilities.SelectMany(c => c.Members)).ToList();

        w.Line();
        w.Line("// The runtime's interfaces, for code generic over models: " + string.Join(", ", names) + ".");
        w.Line("// " + string.Join(", ", members.Take(members.Count - 1)) + " and " + members[members.Count - 1] + " above implement them as they are; the rest is implemented explicitly below.");
        w.Line("static string " + self + ".Fingerprint => Fingerprint;");
        w.Line();
        w.Line("static string " + self + ".Summary => Summary;");
        w.Line();
        w.Line("static " + Self(model) + " " + self + ".Create() => new " + Self(model) + "();");
        w.Line();
        w.Line(TorchNames.Nn + ".Module " + Autoencoder + ".Module => this;");
        w.Line();
        var (expression, description) = model.Family.Emitter.Features(model);
        w.Line("// Features: " + description + ".");
        w.Line(tensor + " " + Autoencoder + ".Features(" + tensor + " input) => " + expression + ";");
        model.Family.Emitter.WriteExplicitMembers(w, model);
        if (IsDenoising(model))
        {
            w.Line();
            w.Line("// The static Corrupt above, as the interface's instance member.");
            w.Line(tensor + " " + Denoising.FullName + ".Corrupt(" + tensor + " images, " + TorchNames.Torch + ".Generator? generator) => Corrupt(images, generator);");
        }
    }

    /// <summary>The family's capability interfaces, then denoising when declared.</summary>
    private static IReadOnlyList<Capability> Capabilities(AnalyzedModel model)
    {
        var capabilities = model.Family.Emitter.Interfaces(model).ToList();
        if (IsDenoising(model))
        {
            capabilities.Add(Denoising);
        }

        return capabilities;
    }

    /// <summary>The trainer part's <c>CreateTrainer</c>: the declared options, with what the overrides set.</summary>
    public static void WriteCreateTrainer(SourceWriter w, AnalyzedModel model)
    {
        w.Line();
        w.Line("// IAutoencoder<" + model.Type.Name + ">.CreateTrainer: the declared settings, except those the overrides set.");
        w.Open("static " + Trainer + "<" + Self(model) + "> " + OfSelf(model) + ".CreateTrainer(" + Overrides + "? overrides)");
        w.Line("var declared = new TrainingOptions();");
        w.Line("return Trainer.Create(new TrainingOptions");
        w.Line("{");
        w.Line("    Epochs = overrides?.Epochs ?? declared.Epochs,");
        w.Line("    BatchSize = overrides?.BatchSize ?? declared.BatchSize,");
        w.Line("    Seed = overrides?.Seed ?? declared.Seed,");
        w.Line("    MaxSteps = overrides?.MaxSteps ?? declared.MaxSteps,");
        w.Line("    Precision = overrides?.Precision ?? declared.Precision,");
        w.Line("    Observer = overrides?.Observer,");
        w.Line("});");
        w.Close();
    }

    private static bool IsDenoising(AnalyzedModel model) => model.Regularization?.Denoising is not null;
}
