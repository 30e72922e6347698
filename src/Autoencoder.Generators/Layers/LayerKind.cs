using System.Collections.Generic;

namespace Autoencoder.Generators.Layers;

/// <summary>
/// Everything the generator knows about one kind of layer, from reading its declaration to writing its code. Each
/// kind is one file in this folder (its spec record and its kind) and one row of <see cref="LayerKinds.All"/>; the
/// front-ends, analysis and the emitter ask the kind and never switch over layer types themselves.
/// </summary>
internal abstract class LayerKind
{
    /// <param name="name">The attribute without its suffix (<c>Conv2d</c> for <c>[Conv2d]</c>); null for a kind no attribute declares.</param>
    /// <param name="yamlKey">The key of the layer in YAML (<c>conv2d</c>); null for a kind YAML does not write.</param>
    protected LayerKind(string? name, string? yamlKey)
    {
        AttributeName = name is null ? null : name + "Attribute";
        YamlKey = yamlKey;
    }

    /// <summary>The attribute's metadata name, e.g. <c>Conv2dAttribute</c>.</summary>
    public string? AttributeName { get; }

    public string? YamlKey { get; }

    /// <summary>Every setting, in the order YAML documents them; the YAML keys a layer map accepts come from here.</summary>
    public virtual IReadOnlyList<LayerParameter> Parameters => System.Array.Empty<LayerParameter>();

    /// <summary>A minimal YAML declaration for messages about a missing setting, e.g. <c>e.g. 'dense: {units: 32}'</c>.</summary>
    public virtual string YamlExample => "e.g. '" + YamlKey + ": {}'";

    /// <summary>How YAML messages name the layer's map: "a dense layer", "a flatten layer (it takes no parameters)".</summary>
    public virtual string YamlDescription
    {
        get
        {
            var key = YamlKey ?? string.Empty;
            var article = key.Length > 0 && "aeiou".IndexOf(key[0]) >= 0 ? "an " : "a ";
            return article + key + " layer" + (Parameters.Count == 0 ? " (it takes no parameters)" : string.Empty);
        }
    }

    /// <summary>How YAML messages name the layer before its place: "dense" in "The dense layer 2 of the encoder has no 'units'".</summary>
    public virtual string YamlSubject => YamlKey ?? string.Empty;

    /// <summary>Builds the spec from the declaration; the front-ends have found the kind and its location.</summary>
    public abstract LayerSpec Read(LayerArguments arguments);

    /// <summary>Checks the layer's own values; reports each problem and returns false if there was any.</summary>
    public abstract bool Validate(LayerSpec layer, LayerCheck check);

    /// <summary>The layer's output for <paramref name="input"/> and its parameter count, or why it cannot take it.</summary>
    public abstract LayerShape Infer(LayerSpec layer, Shape input);

    /// <summary>
    /// The analysed layer named <paramref name="name"/>, or null after reporting why not. Blocks override this to
    /// analyse their body through <paramref name="context"/>.
    /// </summary>
    public virtual AnalyzedLayer? Analyze(LayerSpec layer, Shape input, string name, LayerContext context) => context.Single(layer, input, name);

    /// <summary>Whether the layer is a submodule with a field: it has weights or running statistics.</summary>
    public virtual bool HasModule => false;

    /// <summary>
    /// The activation that produces the layer's values; null for a layer that only moves, drops or averages the
    /// values it is given (reshapes, dropout, pooling, upsampling, pixel shuffles).
    /// </summary>
    public virtual Activation? OutputActivation(LayerSpec layer) => null;

    /// <summary>The layer's initialiser and whether it has a bias; null for a layer without weights.</summary>
    public virtual (WeightInit Init, bool Bias)? Weights(LayerSpec layer) => null;

    /// <summary>The layer with each initialiser replaced by <paramref name="resolve"/>'s choice (nested layers too).</summary>
    public virtual LayerSpec WithInit(LayerSpec layer, System.Func<WeightInit, WeightInit> resolve) => layer;

    /// <summary>The layer itself, or one nested in it, whose output in training depends on the whole batch; else null.</summary>
    public virtual LayerSpec? BatchDependent(LayerSpec layer) => null;

    /// <summary>The layer without source locations (nested layers too): the emitter's input must not change when code merely moves.</summary>
    public virtual LayerSpec WithoutLocations(LayerSpec layer) => layer with { Location = null };

    /// <summary>The field's type for a layer with a module.</summary>
    public virtual string FieldType(AnalyzedLayer layer) => throw NoModule(layer);

    /// <summary>The expression that creates the module.</summary>
    public virtual string Construction(AnalyzedLayer layer) => throw NoModule(layer);

    /// <summary>Statements that set up the module after it is created, beyond the weight initialiser (none by default).</summary>
    public virtual IEnumerable<string> Initialisation(AnalyzedLayer layer) => System.Array.Empty<string>();

    /// <summary>The expression that applies the layer to <paramref name="p"/>.</summary>
    public abstract string Application(SourceWriter w, AnalyzedLayer layer, string p);

    /// <summary>Writes the statements that apply the layer to <paramref name="p"/>, after its comment line.</summary>
    public virtual void Write(SourceWriter w, AnalyzedLayer layer, string p) => w.Line(p + " = " + Application(w, layer, p) + ";");

    /// <summary>
    /// The layer computed in C# doubles with a fixed order of summation, as an expression that builds it from the module's
    /// weights (a hyperprior codec's hyper-decoder runs so, for streams that decode on every machine); null when the layer
    /// cannot be computed so (the analysis reports AE0057).
    /// </summary>
    public virtual string? InDoubles(AnalyzedLayer layer) => null;

    // Analysis gives a module only to kinds with HasModule; reaching this is a generator bug, reported as AE9999.
    private static System.InvalidOperationException NoModule(AnalyzedLayer layer) => new("layer " + layer.Layer.Describe() + " has no module");
}

/// <summary>A kind whose members take its own spec type, so each kind's file reads without casts.</summary>
internal abstract class LayerKind<TSpec> : LayerKind
    where TSpec : LayerSpec
{
    protected LayerKind(string? name, string? yamlKey)
        : base(name, yamlKey)
    {
    }

    public sealed override bool Validate(LayerSpec layer, LayerCheck check) => Validate((TSpec)layer, check);

    public sealed override LayerShape Infer(LayerSpec layer, Shape input) => Infer((TSpec)layer, input);

    public sealed override Activation? OutputActivation(LayerSpec layer) => OutputActivation((TSpec)layer);

    public sealed override (WeightInit Init, bool Bias)? Weights(LayerSpec layer) => Weights((TSpec)layer);

    public sealed override LayerSpec WithInit(LayerSpec layer, System.Func<WeightInit, WeightInit> resolve) => WithInit((TSpec)layer, resolve);

    public sealed override string Application(SourceWriter w, AnalyzedLayer layer, string p) => Application(w, layer, (TSpec)layer.Layer, p);

    public sealed override string Construction(AnalyzedLayer layer) => Construction(layer, (TSpec)layer.Layer);

    public sealed override string? InDoubles(AnalyzedLayer layer) => InDoubles(layer, (TSpec)layer.Layer);

    protected virtual string? InDoubles(AnalyzedLayer layer, TSpec spec) => null;

    protected virtual bool Validate(TSpec layer, LayerCheck check) => true;

    protected abstract LayerShape Infer(TSpec layer, Shape input);

    protected virtual Activation? OutputActivation(TSpec layer) => null;

    protected virtual (WeightInit Init, bool Bias)? Weights(TSpec layer) => null;

    protected virtual TSpec WithInit(TSpec layer, System.Func<WeightInit, WeightInit> resolve) => layer;

    protected abstract string Application(SourceWriter w, AnalyzedLayer layer, TSpec spec, string p);

    protected virtual string Construction(AnalyzedLayer layer, TSpec spec) => base.Construction(layer);
}
