namespace Autoencoder.Testing;

/// <summary>
/// The test traits the repository filters on. <c>[Trait(TestCategory.Name, TestCategory.Slow)]</c> marks a test that
/// packs the NuGet package, kills or stresses child processes, or trains for more than a few seconds;
/// <c>dotnet test Autoencoder.sln -c Release --filter "Category!=Slow"</c> runs the rest (CONTRIBUTING.md, Tests).
/// CI runs everything.
/// </summary>
public static class TestCategory
{
    /// <summary>The trait's name, as <c>--filter</c> spells it.</summary>
    public const string Name = "Category";

    /// <summary>Left out by the fast filter.</summary>
    public const string Slow = "Slow";
}
