namespace Autoencoder.Generators.Emit;

/// <summary>Fully qualified TorchSharp names, so generated code never binds to a user's type of the same name.</summary>
internal static class TorchNames
{
    public const string Tensor = "global::TorchSharp.torch.Tensor";
    public const string Module = "global::TorchSharp.torch.nn.Module<global::TorchSharp.torch.Tensor, global::TorchSharp.torch.Tensor>";
    public const string Nn = "global::TorchSharp.torch.nn";
    public const string Functional = "global::TorchSharp.torch.nn.functional";
    /// <summary>The runtime's optimizers (Adam, AdamW, Sgd), used instead of TorchSharp's.</summary>
    public const string Optimizers = "global::Autoencoder.Runtime.Training.Optimizers";
    public const string Optimizer = Optimizers + ".Optimizer";
    public const string Linear = "global::TorchSharp.Modules.Linear";
    public const string Torch = "global::TorchSharp.torch";

    /// <summary>Holds the typed <c>to(device)</c> that returns the module's own type; called statically, as generated code has no usings.</summary>
    public const string ModuleExtensions = "global::TorchSharp.ModuleExtensionMethods";
    public const string Runtime = "global::Autoencoder.Runtime";

    /// <summary>The runtime's model interfaces, which every generated model implements (see <see cref="RuntimeInterfaces"/>).</summary>
    public const string Models = Runtime + ".Models";
    public const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"Autoencoder.Generators\", \"" + GeneratorInfo.Version + "\")]";
}

internal static class GeneratorInfo
{
    // Kept in step with the assembly version; snapshot tests scrub it.
    public const string Version = "0.1.0.0";
}
