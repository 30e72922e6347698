using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Autoencoder.Analyzers;
using Microsoft.CodeAnalysis;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests;

/// <summary>
/// Every diagnostic's help link (the generator's AE ids, the Scalar analyzer's AES ids) is an absolute URL into the
/// repository's docs, RepositoryUrl of Directory.Build.props + /blob/main/docs/, and lands on a heading of that file.
/// </summary>
public class HelpLinkTests
{
    // The URL as packaging metadata names it, handed over by the project file.
    private static readonly string RepositoryUrl = typeof(HelpLinkTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryUrl")
        .Value!;

    public static IEnumerable<object[]> Descriptors()
        => typeof(AutoencoderGenerator).Assembly
            .GetType("Autoencoder.Generators.Diagnostics.DiagnosticDescriptors")!
            .GetFields()
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .Concat(new ScalarLifetimeAnalyzer().SupportedDiagnostics)
            .Select(d => new object[] { d.Id, d.HelpLinkUri });

    [Fact]
    public void Repository_url_is_an_absolute_https_address()
    {
        Uri.TryCreate(RepositoryUrl, UriKind.Absolute, out var uri).ShouldBeTrue(RepositoryUrl);
        uri!.Scheme.ShouldBe("https");
        RepositoryUrl.ShouldNotEndWith("/");
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Help_link_is_an_absolute_url_to_the_ids_heading_in_the_docs(string id, string helpLink)
    {
        Uri.TryCreate(helpLink, UriKind.Absolute, out var uri).ShouldBeTrue($"{id}: '{helpLink}' is not an absolute URL");
        uri!.Scheme.ShouldBe("https");

        var docsBase = RepositoryUrl + "/blob/main/";
        helpLink.ShouldStartWith(docsBase + "docs/", Case.Sensitive, $"{id}: '{helpLink}' is not in the repository's docs");
        var hash = helpLink.IndexOf('#');
        hash.ShouldBeGreaterThan(0, $"{id}: '{helpLink}' has no anchor");
        var file = helpLink.Substring(docsBase.Length, hash - docsBase.Length);
        var anchor = helpLink.Substring(hash + 1);

        anchor.ShouldBe(id.ToLowerInvariant());
        var path = Path.Combine(RepositoryRoot(), file);
        File.Exists(path).ShouldBeTrue($"{id}: {file} does not exist");
        Anchors(path).ShouldContain(anchor, $"{id}: {file} has no heading '{id}'");
    }

    [Fact]
    public void Anchors_are_made_as_github_makes_them()
    {
        Anchor("AE0012").ShouldBe("ae0012");
        Anchor("Keeping it fixed: the analyzer").ShouldBe("keeping-it-fixed-the-analyzer");
        Anchor("`Scalar` lifetimes, in short").ShouldBe("scalar-lifetimes-in-short");
    }

    /// <summary>The anchors of a Markdown file's headings (outside fenced code).</summary>
    private static IReadOnlyList<string> Anchors(string path)
    {
        var anchors = new List<string>();
        var fenced = false;
        foreach (var line in File.ReadLines(path))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
            }
            else if (!fenced && Heading.Match(line) is { Success: true } heading)
            {
                anchors.Add(Anchor(heading.Groups[1].Value));
            }
        }

        return anchors;
    }

    private static readonly Regex Heading = new(@"^#{1,6}\s+(.*?)\s*#*\s*$");

    // GitHub's rule: lower case, punctuation other than '-' and '_' dropped, each space a '-'.
    private static string Anchor(string heading)
        => Regex.Replace(heading.Trim().ToLowerInvariant(), @"[^\p{L}\p{Nd}\s_-]", string.Empty).Replace(' ', '-');

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Autoencoder.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Autoencoder.sln above '{AppContext.BaseDirectory}'.");
    }
}
