using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Autoencoder.Generators.Common;
using Autoencoder.Generators.Diagnostics;
using Autoencoder.Generators.Layers;
using Autoencoder.Generators.Spec;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests.Layers;

/// <summary>
/// The table of layer kinds against everything that must agree with it: the spec records of the generator, the
/// attribute classes users write (their properties, constructors and defaults), the YAML keys and docs/yaml.md. A kind
/// added in one place and not the others fails here, not in a user's build.
/// </summary>
public class LayerKindTests
{
    private static readonly Assembly Generator = typeof(LayerKinds).Assembly;
    private static readonly Assembly Dsl = typeof(LayerAttribute).Assembly;

    public static TheoryData<string> AttributeNames()
    {
        var data = new TheoryData<string>();
        foreach (var type in LayerAttributeTypes())
        {
            data.Add(type.Name);
        }

        return data;
    }

    [Fact]
    public void Every_layer_spec_has_a_registered_kind_except_the_unknown_layer()
    {
        var specs = Generator.GetTypes().Where(t => typeof(LayerSpec).IsAssignableFrom(t) && !t.IsAbstract).ToArray();
        specs.Length.ShouldBeGreaterThanOrEqualTo(16);
        specs.ShouldContain(typeof(PixelShuffleSpec));

        foreach (var type in specs.Where(t => t != typeof(UnknownLayerSpec)))
        {
            // Kind reads no field but the ones that pick one of two kinds (Pool2dSpec, DropoutSpec, PixelShuffleSpec); zeroed, it is one of them.
            var spec = (LayerSpec)RuntimeHelpers.GetUninitializedObject(type);
            LayerKinds.All.ShouldContain(spec.Kind, type.FullName);
        }

        new UnknownLayerSpec("Custom", null).Kind.ShouldBe(UnknownLayerKind.Instance);
        LayerKinds.All.ShouldNotContain(UnknownLayerKind.Instance);
        LayerKinds.ForAttribute("UnknownLayerAttribute").ShouldBeNull();
    }

    [Fact]
    public void Each_direction_of_a_shared_kind_class_has_its_own_kind()
    {
        new DropoutSpec(0.1, Channels: false, null).Kind.ShouldBeSameAs(DropoutKind.Values);
        new DropoutSpec(0.1, Channels: true, null).Kind.ShouldBeSameAs(DropoutKind.Channels);
        new PixelShuffleSpec(Inverse: false, 2, null).Kind.ShouldBeSameAs(PixelShuffleKind.Shuffle);
        new PixelShuffleSpec(Inverse: true, 2, null).Kind.ShouldBeSameAs(PixelShuffleKind.Unshuffle);
        new Pool2dSpec(PoolKind.Max, 2, null, null).Kind.ShouldBeSameAs(Pool2dKind.Max);
        new Pool2dSpec(PoolKind.Average, 2, null, null).Kind.ShouldBeSameAs(Pool2dKind.Average);
    }

    [Fact]
    public void Every_kind_reads_a_spec_of_its_own_kind()
    {
        foreach (var kind in LayerKinds.All)
        {
            var spec = kind.Read(new DefaultArguments());

            spec.Kind.ShouldBeSameAs(kind, kind.AttributeName ?? kind.YamlKey);
            spec.Describe().ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void Every_layer_attribute_has_a_kind_and_every_kind_with_an_attribute_name_has_its_class()
    {
        var attributes = LayerAttributeTypes();
        attributes.Select(t => t.Name).ShouldContain("PixelShuffleAttribute");
        attributes.Select(t => t.Name).ShouldContain("PixelUnshuffleAttribute");

        foreach (var type in attributes)
        {
            // The front-end finds attributes by metadata name in this namespace.
            type.Namespace.ShouldBe("Autoencoder", type.Name);
            LayerKinds.ForAttribute(type.Name).ShouldNotBeNull(type.Name + " has no kind in LayerKinds.All");
            LayerKinds.ForAttribute(type.Name)!.AttributeName.ShouldBe(type.Name);
        }

        var named = LayerKinds.All.Where(k => k.AttributeName is not null).Select(k => k.AttributeName!).ToArray();
        named.ShouldBeUnique();
        named.OrderBy(n => n, StringComparer.Ordinal).ShouldBe(attributes.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AttributeNames))]
    public void Attribute_properties_are_the_kinds_attribute_parameters(string attributeName)
    {
        var (type, kind) = AttributeAndKind(attributeName);
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).ToDictionary(p => p.Name);

        var fromKind = new Dictionary<string, Type>();
        foreach (var parameter in kind.Parameters)
        {
            if (parameter is SizeParameter size)
            {
                fromKind.Add(size.HeightName, typeof(int));
                fromKind.Add(size.WidthName, typeof(int));
            }
            else if (parameter.InAttribute)
            {
                fromKind.Add(parameter.Name, ClrType(parameter));
            }
        }

        properties.Keys.OrderBy(n => n, StringComparer.Ordinal).ShouldBe(fromKind.Keys.OrderBy(n => n, StringComparer.Ordinal), attributeName);
        foreach (var (name, expected) in fromKind)
        {
            var actual = properties[name].PropertyType;
            SameType(actual, expected).ShouldBeTrue(attributeName + "." + name + " is " + actual + ", the kind reads " + expected);
        }
    }

    [Theory]
    [MemberData(nameof(AttributeNames))]
    public void Constructor_parameters_are_the_positional_parameters_in_order(string attributeName)
    {
        var (type, kind) = AttributeAndKind(attributeName);
        var positional = kind.Parameters.Where(p => p.Position is not null).OrderBy(p => p.Position).ToArray();
        positional.Select(p => p.Position!.Value).ShouldBe(Enumerable.Range(0, positional.Length), attributeName + ": positions are 0, 1, …");
        var constructors = type.GetConstructors();
        constructors.ShouldNotBeEmpty();

        foreach (var constructor in constructors)
        {
            var arguments = constructor.GetParameters();
            arguments.Length.ShouldBeLessThanOrEqualTo(positional.Length, constructor.ToString());
            for (var i = 0; i < arguments.Length; i++)
            {
                string.Equals(arguments[i].Name, positional[i].Name, StringComparison.OrdinalIgnoreCase)
                    .ShouldBeTrue(constructor + " argument " + i + " is '" + arguments[i].Name + "', the kind's position " + i + " is '" + positional[i].Name + "'");
                SameType(arguments[i].ParameterType, ClrType(positional[i])).ShouldBeTrue(constructor + " argument " + i);
            }
        }

        constructors.Max(c => c.GetParameters().Length).ShouldBe(positional.Length, attributeName + ": every positional parameter is in a constructor");

        // Required (YAML must give it) exactly when every constructor demands it.
        foreach (var parameter in positional)
        {
            var demanded = constructors.All(c => c.GetParameters() is var arguments
                && arguments.Length > parameter.Position!.Value
                && !arguments[parameter.Position.Value].HasDefaultValue);
            parameter.Required.ShouldBe(demanded, attributeName + "." + parameter.Name);
        }
    }

    [Theory]
    [MemberData(nameof(AttributeNames))]
    public void Attribute_defaults_are_the_kinds_defaults(string attributeName)
    {
        var (type, kind) = AttributeAndKind(attributeName);
        var smallest = type.GetConstructors().OrderBy(c => c.GetParameters().Length).First();
        var attribute = smallest.Invoke(smallest.GetParameters().Select(Placeholder).ToArray());
        var compared = 0;

        foreach (var parameter in kind.Parameters.Where(p => p.InAttribute))
        {
            if (!TryDefault(parameter, out var expected))
            {
                continue;
            }

            if (parameter.Position is { } position)
            {
                // An optional constructor argument's default, e.g. Activation.None.
                var argument = type.GetConstructors().SelectMany(c => c.GetParameters()).FirstOrDefault(a => a.Position == position && a.HasDefaultValue);
                if (argument is not null)
                {
                    SameValue(argument.DefaultValue, expected).ShouldBeTrue(attributeName + "(" + argument.Name + " = " + argument.DefaultValue + "), the kind's default is " + expected);
                    compared++;
                }

                continue;
            }

            var actual = type.GetProperty(parameter.Name)!.GetValue(attribute);
            SameValue(actual, expected).ShouldBeTrue(attributeName + "." + parameter.Name + " is " + actual + " unless set, the kind's default is " + expected);
            compared++;
        }

        if (kind.Parameters.Any(p => p.Position is null && p.InAttribute && TryDefault(p, out _)))
        {
            compared.ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public void The_defaults_that_matter_are_compared()
    {
        // A guard on the test above: these attributes have named settings with defaults, so it compares something.
        TryDefault(Parameter(Conv2dKind.Instance, "Stride"), out var stride).ShouldBeTrue();
        stride.ShouldBe(1);
        TryDefault(Parameter(DenseKind.Instance, "NegativeSlope"), out var slope).ShouldBeTrue();
        slope.ShouldBe(0.01);
        TryDefault(Parameter(GroupNormKind.Instance, "Epsilon"), out var epsilon).ShouldBeTrue();
        epsilon.ShouldBe(1e-5);
        TryDefault(Parameter(PixelShuffleKind.Shuffle, "Factor"), out _).ShouldBeTrue();
    }

    [Fact]
    public void Kinds_and_their_parameters_are_initialised_and_unique()
    {
        // Parameters are static fields read by an instance initialiser: a kind's Instance declared above them would see nulls.
        LayerKinds.All.ShouldAllBe(k => k != null);
        LayerKinds.All.ShouldBeUnique();
        foreach (var kind in LayerKinds.All.Append(UnknownLayerKind.Instance))
        {
            var name = kind.AttributeName ?? kind.YamlKey ?? kind.GetType().Name;
            kind.Parameters.ShouldNotBeNull(name);
            kind.Parameters.ShouldAllBe(p => p != null, name);
            kind.Parameters.Select(p => p.Name).ShouldBeUnique(name);
            LayerKinds.YamlFields(kind).ShouldBeUnique(name);
            kind.YamlExample.ShouldNotBeNullOrWhiteSpace();
            if (kind.YamlKey is not null && kind.Parameters.Any(p => p.Required && p.YamlKey is not null))
            {
                // The example of a missing setting gives the required ones.
                foreach (var required in kind.Parameters.Where(p => p.Required && p.YamlKey is not null))
                {
                    kind.YamlExample.ShouldContain(kind.YamlKey + ": {", Case.Sensitive, name);
                    kind.YamlExample.ShouldContain(required.YamlKey + ":", Case.Sensitive, name);
                }
            }
        }

        LayerKinds.YamlKeys.ShouldBeUnique();
        LayerKinds.YamlKeys.ShouldBe(LayerKinds.All.Where(k => k.YamlKey is not null).Select(k => k.YamlKey!));
        LayerKinds.YamlKeys.ShouldContain("pixel_shuffle");
        LayerKinds.YamlKeys.ShouldContain("pixel_unshuffle");
        foreach (var key in LayerKinds.YamlKeys)
        {
            LayerKinds.ForYamlKey(key)!.YamlKey.ShouldBe(key);
        }
    }

    [Fact]
    public void A_kinds_yaml_key_is_its_attribute_name_in_snake_case()
    {
        foreach (var kind in LayerKinds.All.Where(k => k.AttributeName is not null && k.YamlKey is not null))
        {
            var name = kind.AttributeName!.Substring(0, kind.AttributeName.Length - "Attribute".Length);
            kind.YamlKey.ShouldBe(LayerParameter.SnakeCase(name));
        }

        // And a setting's key is its name in snake_case.
        foreach (var parameter in LayerKinds.All.SelectMany(k => k.Parameters).Where(p => p.YamlKey is not null))
        {
            parameter.YamlKey.ShouldBe(LayerParameter.SnakeCase(parameter.Name));
        }
    }

    [Fact]
    public void Yaml_docs_list_every_layer_key_and_its_fields()
    {
        var docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "yaml.md"));
        var layers = Section(docs, "## Layers");
        var rows = layers.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToArray();

        string RowOf(string key)
        {
            var row = rows.SingleOrDefault(r => Regex.IsMatch(r.Split('|')[1], "`" + Regex.Escape(key) + "`"));
            row.ShouldNotBeNull("docs/yaml.md has no row for '" + key + "' in its table of layers");

            // "as `conv2d`, with …": the row of the kind it refers to counts too.
            var alias = Regex.Match(row.Split('|')[2], @"^\s*as `([a-z0-9_]+)`");
            return alias.Success ? row + RowOf(alias.Groups[1].Value) : row;
        }

        foreach (var key in LayerKinds.YamlKeys)
        {
            var row = RowOf(key);
            foreach (var field in LayerKinds.YamlFields(LayerKinds.ForYamlKey(key)!))
            {
                Regex.IsMatch(row, "`" + Regex.Escape(field) + "[`:]").ShouldBeTrue("docs/yaml.md does not give '" + field + "' of '" + key + "':\n" + row);
            }
        }

        // And nothing stale: every key the table names is one the generator reads.
        foreach (var row in rows)
        {
            foreach (Match key in Regex.Matches(row.Split('|')[1], "`([a-z0-9_]+)`"))
            {
                LayerKinds.YamlKeys.ShouldContain(key.Groups[1].Value, "docs/yaml.md lists a layer the generator does not read");
            }
        }
    }

    private static Type[] LayerAttributeTypes()
        => Dsl.GetTypes().Where(t => t.IsSubclassOf(typeof(LayerAttribute)) && !t.IsAbstract).OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();

    private static (Type Type, LayerKind Kind) AttributeAndKind(string attributeName)
    {
        var type = LayerAttributeTypes().Single(t => t.Name == attributeName);
        var kind = LayerKinds.ForAttribute(attributeName);
        kind.ShouldNotBeNull(attributeName + " has no kind");
        return (type, kind);
    }

    private static LayerParameter Parameter(LayerKind kind, string name) => kind.Parameters.Single(p => p.Name == name);

    /// <summary>The C# type of the attribute's property or constructor argument for a parameter; enums by the generator's copy.</summary>
    private static Type ClrType(LayerParameter parameter) => parameter switch
    {
        IntParameter or OptionalIntParameter => typeof(int),
        NumberParameter => typeof(double),
        BoolParameter => typeof(bool),
        IntsParameter => typeof(int[]),
        _ when ChoiceType(parameter) is { } choice => choice,
        _ => throw new InvalidOperationException("no attribute type for " + parameter.GetType().Name + " " + parameter.Name),
    };

    private static Type? ChoiceType(LayerParameter parameter)
        => parameter.GetType().IsGenericType && parameter.GetType().GetGenericTypeDefinition() == typeof(ChoiceParameter<>) ? parameter.GetType().GetGenericArguments()[0] : null;

    /// <summary>The generator compiles its own copy of the vocabulary enums: the same name stands for the same type.</summary>
    private static bool SameType(Type attribute, Type generator) => attribute == generator || (attribute.IsEnum && generator.IsEnum && attribute.FullName == generator.FullName);

    private static bool TryDefault(LayerParameter parameter, out object? value)
    {
        value = parameter switch
        {
            IntParameter i => i.Default,
            NumberParameter n => n.Default,
            BoolParameter b => b.Default,
            _ when ChoiceType(parameter) is not null => parameter.GetType().GetProperty("Default")!.GetValue(parameter),
            _ => null,
        };
        return value is not null;
    }

    /// <summary>Numbers and flags by value; enums (two copies of one type) by name and number.</summary>
    private static bool SameValue(object? attribute, object? generator)
    {
        if (attribute is Enum || generator is Enum)
        {
            return attribute is Enum a && generator is Enum g
                   && a.ToString() == g.ToString()
                   && Convert.ToInt64(a, System.Globalization.CultureInfo.InvariantCulture) == Convert.ToInt64(g, System.Globalization.CultureInfo.InvariantCulture);
        }

        return Equals(attribute, generator);
    }

    /// <summary>A constructor argument for instantiating an attribute: its own default, or any valid value.</summary>
    private static object? Placeholder(ParameterInfo parameter)
    {
        if (parameter.HasDefaultValue)
        {
            return parameter.DefaultValue;
        }

        var type = parameter.ParameterType;
        return type == typeof(int) ? 1
            : type == typeof(double) ? 0.5
            : type == typeof(int[]) ? new[] { 1 }
            : type.IsEnum ? Activator.CreateInstance(type)
            : throw new InvalidOperationException("no placeholder for " + type);
    }

    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, "no '" + heading + "' in docs/yaml.md");
        var end = markdown.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return markdown.Substring(start, (end < 0 ? markdown.Length : end) - start).Replace("\r", string.Empty);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Autoencoder.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No Autoencoder.sln above '" + AppContext.BaseDirectory + "'.");
    }

    /// <summary>Every setting at its default (a required one at 1, a scale so Upsample has one), as if declared bare.</summary>
    private sealed class DefaultArguments : LayerArguments
    {
        public override LocationInfo? Location => null;

        public override int Int(IntParameter parameter) => parameter.Required ? 1 : parameter.Default;

        public override int? Int(OptionalIntParameter parameter) => parameter.Position is null ? null : 2;

        public override double Number(NumberParameter parameter) => parameter.Required ? 0.5 : parameter.Default;

        public override bool Bool(BoolParameter parameter) => parameter.Default;

        public override EquatableArray<int> Ints(IntsParameter parameter) => new[] { 1, 2, 2 }.ToEquatableArray();

        public override T Choice<T>(ChoiceParameter<T> parameter) => parameter.Default;

        public override (int? Height, int? Width) Size(SizeParameter parameter) => (null, null);

        public override EquatableArray<LayerSpec>? Layers(LayersParameter parameter) => null;

        public override void NeedsOneOf(LayerParameter first, LayerParameter second, string example)
        {
        }
    }
}
