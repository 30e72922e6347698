namespace Autoencoder.Generators.Spec;

/// <summary>The two networks of an autoencoder and the methods that run them.</summary>
internal static class NetworkRoles
{
    public const string EncodeMethod = "Encode";
    public const string DecodeMethod = "Decode";

    public static string DefaultParameterName(string methodName) => methodName == EncodeMethod ? "x" : "z";
}
