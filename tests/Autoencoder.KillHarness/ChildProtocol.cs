namespace Autoencoder.KillHarness;

/// <summary>The lines a child prints on stdout for the parent, each a keyword, a space and a value.</summary>
internal static class ChildProtocol
{
    /// <summary>Setup is done and <c>Fit</c> is called: what came before is startup.</summary>
    public const string Training = "TRAINING";

    /// <summary>Training continues from this checkpoint.</summary>
    public const string Resumed = "RESUMED";

    /// <summary>A checkpoint was written completely (renamed into place).</summary>
    public const string Checkpoint = "CHECKPOINT";

    /// <summary>The SHA-256 of the final weights (<see cref="WeightDigest"/>); the last line of a finished child.</summary>
    public const string Final = "FINAL";

    public static string Line(string keyword, string value) => keyword + " " + value;

    /// <summary>The value of <paramref name="line"/> when it starts with <paramref name="keyword"/>, else null.</summary>
    public static string? ValueOf(string line, string keyword) =>
        line.StartsWith(keyword + " ", System.StringComparison.Ordinal) ? line[(keyword.Length + 1)..] : null;
}
