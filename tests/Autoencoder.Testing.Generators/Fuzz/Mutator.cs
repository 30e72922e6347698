using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Autoencoder.Fuzz;

/// <summary>Breaks a valid declaration in the ways people and editors do: tokens and lines lost, doubled or swapped, wrong values, odd text, cut files.</summary>
internal static class Mutator
{
    // Identifiers, numbers (with exponent and sign) and single punctuation: coarse, so a mutation can split what a lexer would join.
    private static readonly Regex CSharpToken = new(@"[A-Za-z_][A-Za-z0-9_]*|\d+(\.\d+)?([eE][+-]?\d+)?|\S", RegexOptions.Compiled);
    private static readonly Regex YamlToken = new(@"[A-Za-z0-9_.+-]+|\S", RegexOptions.Compiled);
    private static readonly Regex CSharpNumber = new(@"(?<![A-Za-z_])\d+(\.\d+)?([eE][+-]?\d+)?", RegexOptions.Compiled);
    private static readonly Regex YamlScalar = new(@"(?<=[:\[,]\s*)[A-Za-z0-9_.+-]+", RegexOptions.Compiled);

    private static readonly string[] CSharpExtremes =
    {
        "0", "-1", "int.MaxValue", "int.MinValue", "2147483647", "-2147483648", "double.NaN", "double.PositiveInfinity",
        "1e308", "-1e308", "1e-320", "0.0", "-0.0", "4.5", "\"4\"", "null", "true", "'x'", "Activation.ReLU", "(Activation)99",
        "WeightInit.TorchDefault", "(WeightInit)6", "GroupNorm(3)", "LayerNorm", "Gdn", "Gdn(Inverse = true)", "PredictNoise = true", "Clip = false",
        "Prior = EntropyPrior.ScaleHyperprior", "Prior = EntropyPrior.MeanScaleHyperprior", "(EntropyPrior)5", "HyperEncode", "HyperDecode",
        "ScheduleKind.Step", "ScheduleKind.Cosine", "(ScheduleKind)4", "StepSize = 2", "Gamma = 0.5", "EarlyStopping(1)",
    };

    private static readonly string[] YamlExtremes =
    {
        "0", "-1", "2147483647", "2147483648", "-2147483648", "99999999999999999999", ".nan", "NaN", ".inf", "-.inf", "1e308",
        "-1e308", "1e-320", "4.5", "~", "null", "\"\"", "''", "[]", "{}", "[1, 2]", "true", "relu", "x",
        "torch_default", "kaiming_uniform", "group_norm", "layer_norm", "gdn", "inverse", "predict_noise", "clip",
        "prior", "scale_hyperprior", "mean_scale_hyperprior", "hyper_encoder", "hyper_decoder",
        "step", "cosine", "reduce_on_plateau", "step_size", "patience", "gamma",
    };

    private static readonly string[] Unicode =
    {
        "é", "Ä", "名前", "🙂", "\u200B", "\u200F", "\uFEFF", "\u0301", "ℵ", "\u00A0", "\t", "\r", "\0", "\uFFFD", "ǅ",
    };

    /// <summary>Applies one to three mutations, chosen and placed by <paramref name="random"/>; the same generator state gives the same text.</summary>
    public static string Mutate(string text, bool yaml, Random random)
    {
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            text = MutateOnce(text, yaml, random);
        }

        return text;
    }

    private static string MutateOnce(string text, bool yaml, Random random)
    {
        var tokens = (yaml ? YamlToken : CSharpToken).Matches(text).Cast<Match>().ToList();
        switch (random.Next(yaml ? 14 : 13))
        {
            case 0:
                return tokens.Count == 0 ? text : Remove(text, Pick(tokens, random));
            case 1:
                return tokens.Count == 0 ? text : Duplicate(text, Pick(tokens, random));
            case 2:
                return tokens.Count < 2 ? text : Swap(text, Pick(tokens, random), Pick(tokens, random));
            case 3:
                return EditLines(text, random, (lines, i) => lines.RemoveAt(i));
            case 4:
                return EditLines(text, random, (lines, i) => lines.Insert(i, lines[i]));
            case 5:
                return EditLines(text, random, (lines, i) =>
                {
                    var j = random.Next(lines.Count);
                    (lines[i], lines[j]) = (lines[j], lines[i]);
                });
            case 6:
            case 7:
                return ReplaceValue(text, yaml, random);
            case 8:
                return tokens.Count == 0 ? text : Replace(text, Pick(tokens, random), Pick(yaml ? YamlExtremes : CSharpExtremes, random));
            case 9:
                return text.Insert(random.Next(text.Length + 1), Pick(Unicode, random));
            case 10:
                return text.Substring(0, random.Next(text.Length + 1));
            case 11:
                return random.Next(4) switch { 0 => string.Empty, 1 => " ", 2 => "\n\n\t\n", _ => new string(' ', random.Next(1, 200)) };
            case 12:
                return tokens.Count == 0 ? text : Replace(text, Pick(tokens, random), Pick(tokens, random).Value + Pick(Unicode, random));
            default:
                // YAML only: structure is indentation, so shift one line in or out.
                return EditLines(text, random, (lines, i) => lines[i] = random.Next(2) == 0 ? "  " + lines[i] : lines[i].TrimStart());
        }
    }

    private static string ReplaceValue(string text, bool yaml, Random random)
    {
        var values = (yaml ? YamlScalar : CSharpNumber).Matches(text).Cast<Match>().ToList();
        return values.Count == 0 ? text : Replace(text, Pick(values, random), Pick(yaml ? YamlExtremes : CSharpExtremes, random));
    }

    private static string EditLines(string text, Random random, Action<List<string>, int> edit)
    {
        var lines = text.Split('\n').ToList();
        edit(lines, random.Next(lines.Count));
        return string.Join("\n", lines);
    }

    private static string Remove(string text, Match token) => text.Remove(token.Index, token.Length);

    private static string Duplicate(string text, Match token) => text.Insert(token.Index, token.Value + " ");

    private static string Replace(string text, Match token, string with) => new StringBuilder(text).Remove(token.Index, token.Length).Insert(token.Index, with).ToString();

    private static string Swap(string text, Match a, Match b)
    {
        if (a.Index == b.Index)
        {
            return text;
        }

        var (first, second) = a.Index < b.Index ? (a, b) : (b, a);
        return text.Substring(0, first.Index) + second.Value
            + text.Substring(first.Index + first.Length, second.Index - first.Index - first.Length)
            + first.Value + text.Substring(second.Index + second.Length);
    }

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
}
