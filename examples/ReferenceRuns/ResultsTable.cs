using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace ReferenceRuns;

/// <summary>The results of every entry run so far, kept as JSON (the record) and rendered as Markdown (for docs/reference-results.md).</summary>
internal sealed class ResultsTable
{
    public const string JsonFile = "results.json";
    public const string MarkdownFile = "results.md";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly List<ReferenceResult> _rows;

    private ResultsTable(List<ReferenceResult> rows) => _rows = rows;

    public static ResultsTable Load(string directory)
    {
        var path = Path.Combine(directory, JsonFile);
        if (!File.Exists(path))
            return new ResultsTable(new List<ReferenceResult>());
        try
        {
            return new ResultsTable(JsonSerializer.Deserialize<List<ReferenceResult>>(File.ReadAllText(path), Json) ?? new());
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a results table ({e.Message}); move it away to start a new one.", e);
        }
    }

    /// <summary>Drops the entry's earlier rows and appends the new ones.</summary>
    public void Replace(string entry, IEnumerable<ReferenceResult> rows)
    {
        _rows.RemoveAll(r => r.Entry == entry);
        _rows.AddRange(rows);
    }

    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        Replace(Path.Combine(directory, JsonFile), JsonSerializer.Serialize(_rows, Json));
        Replace(Path.Combine(directory, MarkdownFile), Markdown());
    }

    /// <summary>Written beside and renamed over, so a killed run leaves the previous table whole.</summary>
    private static void Replace(string path, string contents)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, contents);
        File.Move(temporary, path, overwrite: true);
    }

    public string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine("| Entry | Model | Metric | Ours | Published | Source | Wall time | Settings |");
        md.AppendLine("|---|---|---|---:|---:|---|---:|---|");
        foreach (var r in _rows)
        {
            string published = r.Published is double p ? Format(p) : "—";
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Entry} | {r.Model} | {r.Metric} | {Format(r.Ours)} | {published} | {r.Source ?? "—"} | {Duration(r.WallTime)} | {r.Settings} |"));
        }

        return md.ToString();
    }

    /// <summary>Seconds under a minute (a PCA row would otherwise read "0.0 min"), minutes above.</summary>
    private static string Duration(System.TimeSpan time) => time.TotalSeconds < 60
        ? time.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s"
        : time.TotalMinutes.ToString("F1", CultureInfo.InvariantCulture) + " min";

    // Whole numbers keep two decimals, so a published 3.00 does not read as a count.
    private static string Format(double value) =>
        value.ToString(value >= 100 ? "F1" : value == System.Math.Round(value) ? "F2" : "G4", CultureInfo.InvariantCulture);
}
