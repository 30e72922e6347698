using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Autoencoder.Generators.FrontEnds;

/// <summary>
/// A layer attribute's arguments: a parameter with a position is a constructor argument, any other a named property.
/// The compiler has checked their types, so a value of another type only comes from code that does not compile
/// (reported by the compiler); the default stands in for it.
/// </summary>
internal sealed class AttributeLayerArguments : LayerArguments
{
    private readonly AttributeData _attribute;

    public AttributeLayerArguments(AttributeData attribute, LocationInfo? location)
    {
        _attribute = attribute;
        Location = location;
    }

    public override LocationInfo? Location { get; }

    public override int Int(IntParameter parameter) => Value<int>(parameter) ?? parameter.Default;

    public override int? Int(OptionalIntParameter parameter) => Value<int>(parameter);

    public override double Number(NumberParameter parameter) => Value<double>(parameter) ?? parameter.Default;

    public override bool Bool(BoolParameter parameter) => Value<bool>(parameter) ?? parameter.Default;

    // Enum constants arrive as their underlying int.
    public override T Choice<T>(ChoiceParameter<T> parameter) => Value<int>(parameter) is { } value ? (T)(object)value : parameter.Default;

    public override EquatableArray<int> Ints(IntsParameter parameter)
    {
        var args = _attribute.ConstructorArguments;
        var index = parameter.Position ?? 0;
        if (args.Length <= index || args[index].Kind != TypedConstantKind.Array || args[index].IsNull)
        {
            return EquatableArray<int>.Empty;
        }

        return args[index].Values.Select(v => v.Value is int i ? i : 0).ToEquatableArray();
    }

    public override (int? Height, int? Width) Size(SizeParameter parameter) => (Named<int>(parameter.HeightName), Named<int>(parameter.WidthName));

    /// <summary>Null: attributes write a block's layers after its marker.</summary>
    public override EquatableArray<LayerSpec>? Layers(LayersParameter parameter) => null;

    /// <summary>Nothing here: validation words the problem for C#, e.g. "needs a scale, e.g. [Upsample(2)]".</summary>
    public override void NeedsOneOf(LayerParameter first, LayerParameter second, string example)
    {
    }

    private T? Value<T>(LayerParameter parameter)
        where T : struct
    {
        if (parameter.Position is { } position)
        {
            ImmutableArray<TypedConstant> args = _attribute.ConstructorArguments;
            return args.Length > position && args[position].Value is T value ? value : null;
        }

        return Named<T>(parameter.Name);
    }

    private T? Named<T>(string name)
        where T : struct => AttributeFrontEnd.NamedOrNull<T>(_attribute, name);
}
