namespace Autoencoder.Generators.Spec;

/// <summary>The networks of an autoencoder and the methods that run them.</summary>
internal static class NetworkRoles
{
    public const string EncodeMethod = "Encode";
    public const string DecodeMethod = "Decode";

    /// <summary>A hyperprior codec's hyper-encoder: the code y → side information z.</summary>
    public const string HyperEncodeMethod = "HyperEncode";

    /// <summary>A hyperprior codec's hyper-decoder: ẑ → the Gaussian parameters of y.</summary>
    public const string HyperDecodeMethod = "HyperDecode";

    public static string DefaultParameterName(string methodName) => methodName switch
    {
        EncodeMethod => "x",
        HyperEncodeMethod => "y",
        _ => "z",
    };
}
