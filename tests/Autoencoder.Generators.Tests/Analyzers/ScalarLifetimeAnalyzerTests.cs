using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Autoencoder.Analyzers;
using Autoencoder.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests.Analyzers;

/// <summary>
/// The Scalar lifetime analyzer (src/Autoencoder.Analyzers): each rule's id, message and place, the forms that hold
/// their Scalar, the AutoencoderScalarCheck scope switch, and the generator's output for every snapshot model.
/// </summary>
public class ScalarLifetimeAnalyzerTests
{
    private const string Header = Models.Usings + "namespace Checks;\n\n";

    private const string TemporaryMessage = "becomes a temporary TorchSharp.Scalar that a garbage collection can free during the native call; create it with ToScalar() in a using declaration (or a field) and pass that";

    [Fact]
    public void AES001_number_passed_for_a_Scalar_parameter()
    {
        const string source = Header + """
            public static class Code
            {
                public static void Halve(Tensor t) => t.mul_(0.5);
            }
            """;

        var diagnostic = Single(source);
        diagnostic.Id.ShouldBe("AES001");
        diagnostic.GetMessage().ShouldBe("'0.5' " + TemporaryMessage);
        AssertAt(diagnostic, source, "0.5", line: 8, column: 50);
    }

    [Fact]
    public void AES001_number_operand_of_a_tensor_operator()
    {
        const string source = Header + """
            public static class Code
            {
                public static Tensor Double(Tensor t) => t * 2.0;
            }
            """;

        var diagnostic = Single(source);
        diagnostic.Id.ShouldBe("AES001");
        diagnostic.GetMessage().ShouldBe("'2.0' " + TemporaryMessage);
        AssertAt(diagnostic, source, "2.0", line: 8, column: 50);
    }

    [Fact]
    public void AES001_number_on_the_left_of_a_tensor_operator()
    {
        const string source = Header + """
            public static class Code
            {
                public static Tensor Complement(Tensor t) => 1 - t;
            }
            """;

        var diagnostic = Single(source);
        diagnostic.Id.ShouldBe("AES001");
        AssertAt(diagnostic, source, "1", line: 8, column: 50);
    }

    [Fact]
    public void AES001_number_in_a_compound_assignment()
    {
        const string source = Header + """
            public static class Code
            {
                public static Tensor Shift(Tensor t)
                {
                    t += 3;
                    return t;
                }
            }
            """;

        var diagnostic = Single(source);
        diagnostic.Id.ShouldBe("AES001");
        AssertAt(diagnostic, source, "3", line: 10, column: 14);
    }

    [Fact]
    public void AES001_named_alpha_argument()
    {
        const string source = Header + """
            public static class Code
            {
                public static Tensor Step(Tensor t, Tensor x) => t.add(x, alpha: 0.1);
            }
            """;

        var diagnostic = Single(source);
        diagnostic.Id.ShouldBe("AES001");
        diagnostic.GetMessage().ShouldBe("'0.1' " + TemporaryMessage);
        AssertAt(diagnostic, source, "0.1", line: 8, column: 70);
    }

    [Fact]
    public void AES001_explicit_cast_to_Scalar()
    {
        const string source = Header + """
            public static class Code
            {
                public static Tensor Halve(Tensor t) => t.mul((Scalar)0.5);
            }
            """;

        var diagnostic = Single(source);
        diagnostic.Id.ShouldBe("AES001");
        AssertAt(diagnostic, source, "0.5", line: 8, column: 59);
    }

    [Fact]
    public void AES002_ToScalar_passed_straight_to_a_call()
    {
        const string source = Header + """
            public static class Code
            {
                public static Tensor Double(Tensor t) => t.mul(2.0.ToScalar());
            }
            """;

        var diagnostic = Single(source);
        diagnostic.Id.ShouldBe("AES002");
        diagnostic.GetMessage().ShouldBe("The TorchSharp.Scalar from '2.0.ToScalar()' is not held, so a garbage collection can free it during the native call that uses it; declare it with 'using var' (or store it in a field) and pass the variable");
        AssertAt(diagnostic, source, "2.0.ToScalar()", line: 8, column: 52);
    }

    [Fact]
    public void AES002_ToScalar_in_a_local_without_using()
    {
        const string source = Header + """
            public static class Code
            {
                public static Tensor Double(Tensor t)
                {
                    var s = 2.0.ToScalar();
                    return t.mul(s);
                }
            }
            """;

        var diagnostic = Single(source);
        diagnostic.Id.ShouldBe("AES002");
        AssertAt(diagnostic, source, "2.0.ToScalar()", line: 10, column: 17);
    }

    [Fact]
    public void AES002_Tensor_ToScalar_read_in_place()
    {
        const string source = Header + """
            public static class Code
            {
                public static double Read(Tensor t) => t.ToScalar().ToDouble();
            }
            """;

        var diagnostic = Single(source);
        diagnostic.Id.ShouldBe("AES002");
        AssertAt(diagnostic, source, "t.ToScalar()", line: 8, column: 44);
    }

    [Fact]
    public void AES003_tensor_to_number_conversion()
    {
        const string source = Header + """
            public static class Code
            {
                public static double Read(Tensor x) => x.ToDouble();
            }
            """;

        var diagnostic = Single(source);
        diagnostic.Id.ShouldBe("AES003");
        diagnostic.GetMessage().ShouldBe("'TensorExtensionMethods.ToDouble' creates a TorchSharp.Scalar internally that a garbage collection can free during the native call; read the value with item<T>() for the tensor's element type (e.g. t.item<float>() on a float32 tensor) and convert it in C#; item<T>() copies it out of the tensor's data without a Scalar");
        AssertAt(diagnostic, source, "x.ToDouble()", line: 8, column: 44);
    }

    [Fact]
    public void AES003_covers_every_tensor_to_number_conversion_and_cast_but_not_item()
    {
        const string source = Header + """
            public static class Code
            {
                public static void Read(Tensor x)
                {
                    _ = x.ToDouble(); _ = x.ToSingle(); _ = x.ToHalf(); _ = x.ToBFloat16();
                    _ = x.ToSByte(); _ = x.ToByte(); _ = x.ToInt16(); _ = x.ToInt32(); _ = x.ToInt64(); _ = x.ToBoolean();
                    _ = x.ToComplexFloat32(); _ = x.ToComplexFloat64(); _ = x.ToComplex32(); _ = x.ToComplex64();
                    _ = (float)x; _ = (double)x; _ = (sbyte)x; _ = (byte)x; _ = (short)x; _ = (int)x; _ = (long)x; _ = (bool)x;
                    _ = x.item<float>();
                    _ = x.data<float>()[0];
                }
            }
            """;

        var diagnostics = Diagnostics(source);
        diagnostics.Select(d => d.Id).Distinct().ShouldBe(new[] { "AES003" });
        diagnostics.Select(Subject).ShouldBe(ScalarDroppingMethodNames());
    }

    [Fact]
    public void AES003_TorchSharp_calls_with_a_hidden_temporary_but_not_their_held_forms()
    {
        const string source = Header + """
            public static class Code
            {
                public static Tensor Run(Tensor t, Tensor x, Scalar one, Scalar slope)
                {
                    var sum = t + x;
                    var added = t.add(x);
                    var squared = t.square();
                    var activated = nn.functional.leaky_relu(t, 0.2);
                    var optimizer = optim.Adam(new[] { new TorchSharp.Modules.Parameter(t) });
                    return t.add(x, one).mul(t).leaky_relu(slope);
                }
            }
            """;

        var diagnostics = Diagnostics(source);

        diagnostics.Select(d => d.Id).Distinct().ShouldBe(new[] { "AES003" });
        diagnostics.Select(Subject).ShouldBe(new[] { "Tensor.operator +", "Tensor.add", "Tensor.square", "functional.leaky_relu", "optim.Adam" });
        AssertAt(diagnostics[0], source, "t + x", line: 10, column: 19);
    }

    [Fact]
    public void AES003_list_entries_name_one_overload_or_an_operator()
    {
        const string source = Header + """
            public static class Code
            {
                public static Tensor Sum(Tensor t, Tensor x, Scalar one) => t.add(x).add(x, one) + x;
            }
            """;
        var analyzer = new ScalarLifetimeAnalyzer(ImmutableArray.Create(
            new ScalarDroppingMethod("TorchSharp.torch+Tensor", "add", "TorchSharp.torch.Tensor", "pass alpha"),
            new ScalarDroppingMethod("TorchSharp.torch+Tensor", "op_Addition", "TorchSharp.torch.Tensor, TorchSharp.torch.Tensor", "call add")));

        var diagnostics = ScalarCheck.Run(GeneratorHarness.Compile(source), analyzer: analyzer);

        diagnostics.Select(d => d.Id + " " + d.GetMessage()).ShouldBe(new[]
        {
            "AES003 'Tensor.operator +' creates a TorchSharp.Scalar internally that a garbage collection can free during the native call; call add",
            "AES003 'Tensor.add' creates a TorchSharp.Scalar internally that a garbage collection can free during the native call; pass alpha",
        });
        AssertAt(diagnostics[0], source, "t.add(x).add(x, one) + x", line: 8, column: 65);
        AssertAt(diagnostics[1], source, "t.add(x)", line: 8, column: 65);
    }

    [Fact]
    public void Held_Scalars_are_not_reported()
    {
        const string source = Header + """
            public sealed class Code
            {
                private static readonly Scalar Half = 0.5.ToScalar();
                private readonly Scalar two;
                private Scalar? lazy;

                public Code() => two = 2.0.ToScalar();

                public Scalar Three { get; } = 3.0.ToScalar();

                public Tensor Run(Tensor t, Tensor x, Scalar given)
                {
                    using var tenth = 0.1.ToScalar();
                    t.mul_(tenth);
                    using (var quarter = (0.25.ToScalar()))
                    {
                        t.add_(x, alpha: quarter);
                    }

                    lazy ??= 4.0.ToScalar();
                    t.mul_(Half).mul_(two).mul_(Three).mul_(lazy).mul_(given);
                    var product = t * x;
                    var value = t.item<float>();
                    return product.div(given);
                }
            }
            """;

        Diagnostics(source).ShouldBeEmpty();
    }

    [Fact]
    public void Scope_generated_checks_only_the_generators_output_and_off_checks_nothing()
    {
        var handWritten = CSharpSyntaxTree.ParseText(Header + """
            public static class HandWritten
            {
                public static void Halve(Tensor t) => t.mul_(0.5);
            }
            """, path: "/src/HandWritten.cs");
        var generated = CSharpSyntaxTree.ParseText(Header + """
            public static class Generated
            {
                public static void Halve(Tensor t) => t.mul_(0.25);
            }
            """, path: "Autoencoder.Generators/" + ScalarLifetimeAnalyzer.GeneratedFileMarker + "/Checks.Generated.Module.g.cs");
        var compilation = GeneratorHarness.Compile().AddSyntaxTrees(handWritten, generated);
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty();

        Places(ScalarCheck.Run(compilation)).ShouldBe(new[] { "HandWritten.cs:AES001", "Checks.Generated.Module.g.cs:AES001" }, ignoreOrder: true);
        Places(ScalarCheck.Run(compilation, "all")).ShouldBe(new[] { "HandWritten.cs:AES001", "Checks.Generated.Module.g.cs:AES001" }, ignoreOrder: true);
        Places(ScalarCheck.Run(compilation, "generated")).ShouldBe(new[] { "Checks.Generated.Module.g.cs:AES001" });
        ScalarCheck.Run(compilation, "off").ShouldBeEmpty();

        static IEnumerable<string> Places(IEnumerable<Diagnostic> diagnostics)
            => diagnostics.Select(d => System.IO.Path.GetFileName(d.Location.SourceTree!.FilePath) + ":" + d.Id);
    }

    [Fact]
    public void Generator_output_paths_carry_the_marker_the_generated_scope_looks_for()
    {
        var run = GeneratorHarness.Run(Models.Classic);

        var added = run.Output.SyntaxTrees.Except(run.Input.SyntaxTrees).ToList();
        added.Count.ShouldBe(2);
        added.ShouldAllBe(tree => tree.FilePath.Contains(ScalarLifetimeAnalyzer.GeneratedFileMarker));
    }

    /// <summary>
    /// The generator's output for every snapshot model, checked as tests/ projects check it (scope "generated").
    /// </summary>
    [Fact]
    public void Generated_code_for_every_test_model_holds_its_scalars()
    {
        var problems = new List<string>();
        foreach (var model in SnapshotModels.All)
        {
            var run = model.Generate();
            run.GeneratorDiagnostics.ShouldBeEmpty(model.Name);
            run.Sources.ShouldNotBeEmpty(model.Name);
            foreach (var diagnostic in ScalarCheck.Run(run.Output, "generated"))
            {
                var span = diagnostic.Location.GetLineSpan();
                problems.Add(model.Name + ": " + System.IO.Path.GetFileName(span.Path) + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + "): "
                    + diagnostic.Id + " " + diagnostic.GetMessage());
            }
        }

        problems.Count.ShouldBe(0, problems.Count + " Scalar lifetime problem(s) in generated code:\n" + string.Join("\n", problems));
    }

    private static IReadOnlyList<Diagnostic> Diagnostics(string source)
    {
        var compilation = GeneratorHarness.Compile(source);
        // The checks are only meaningful on code that binds; a typo here would hide a missing report.
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ShouldBeEmpty();
        return ScalarCheck.Run(compilation);
    }

    private static Diagnostic Single(string source)
    {
        var all = Diagnostics(source);
        all.Count.ShouldBe(1, string.Join("\n", all));
        return all[0];
    }

    /// <summary>
    /// The diagnostic is in the model file, starts at the 1-based <paramref name="line"/> and <paramref name="column"/>
    /// and spans exactly <paramref name="text"/>, which is what <paramref name="source"/> has there.
    /// </summary>
    private static void AssertAt(Diagnostic diagnostic, string source, string text, int line, int column)
    {
        var span = diagnostic.Location.GetLineSpan();
        span.Path.ShouldBe(GeneratorHarness.ModelPath);
        (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1).ShouldBe((line, column));
        source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length).ShouldBe(text);
        source.Split('\n')[line - 1].Substring(column - 1).ShouldStartWith(text);
    }

    /// <summary>The quoted start of the message: the expression or the method the diagnostic is about.</summary>
    private static string Subject(Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage();
        return message.Substring(1, message.IndexOf('\'', 1) - 1);
    }

    private static IEnumerable<string> ScalarDroppingMethodNames()
        => new[]
        {
            "ToDouble", "ToSingle", "ToHalf", "ToBFloat16", "ToSByte", "ToByte", "ToInt16", "ToInt32", "ToInt64", "ToBoolean",
            "ToComplexFloat32", "ToComplexFloat64", "ToComplex32", "ToComplex64",
        }.Select(name => "TensorExtensionMethods." + name)
        .Concat(new[] { "float", "double", "sbyte", "byte", "short", "int", "long", "bool" }.Select(type => "Tensor.explicit operator " + type));
}
