using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Autoencoder.Generators.Tests.Infrastructure;

/// <summary>An AdditionalFiles item as the compiler passes it: a path and its text.</summary>
internal sealed class InMemoryText : AdditionalText
{
    private readonly SourceText text;

    public InMemoryText(string path, string text)
    {
        Path = path;
        this.text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => text;
}
