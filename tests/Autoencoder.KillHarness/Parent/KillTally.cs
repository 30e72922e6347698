using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Autoencoder.KillHarness.Parent;

/// <summary>The campaign's counts, and what went wrong; consistent when every check passed.</summary>
internal sealed class KillTally
{
    private readonly List<string> _failures = new();

    public int Runs { get; set; }
    public int ChildrenStarted { get; set; }
    public int Kills => TimedKills + WriteKills;
    public int TimedKills { get; set; }
    public int WriteKills { get; set; }
    public int TimedKillsMidWrite { get; set; }
    public int WriteKillsMidWrite { get; set; }
    public int KillsMidWrite => TimedKillsMidWrite + WriteKillsMidWrite;
    public int KillsBeforeAnyCheckpoint { get; set; }
    public int FinishedBeforeKill { get; set; }
    public int VerificationsPassed { get; set; }
    public int VerificationsFailed { get; set; }
    public int FilesChecked { get; set; }
    public int ResumesExpected { get; set; }
    public int Resumes { get; set; }
    public int KilledChildrenResumed { get; set; }
    public int DigestsEqual { get; set; }
    public int BestCopiesRight { get; set; }

    public IReadOnlyList<string> Failures => _failures;

    public bool Consistent =>
        _failures.Count == 0 && VerificationsFailed == 0 && Resumes == ResumesExpected && DigestsEqual == Runs && BestCopiesRight == Runs;

    public void Fail(string message) => _failures.Add(message);

    public void Print(TextWriter output, TimeSpan wallTime)
    {
        output.WriteLine();
        output.WriteLine($"runs                                {Runs}");
        output.WriteLine($"children started                    {ChildrenStarted}");
        output.WriteLine($"kills (SIGKILL)                     {Kills} ({TimedKills} at a random moment, {WriteKills} when a checkpoint write began)");
        output.WriteLine($"  landed mid-write (.tmp left)      {KillsMidWrite} ({TimedKillsMidWrite} random, {WriteKillsMidWrite} write-triggered)");
        output.WriteLine($"  before any checkpoint existed     {KillsBeforeAnyCheckpoint}");
        output.WriteLine($"children done before their kill     {FinishedBeforeKill}");
        output.WriteLine($"checkpoint verifications            {VerificationsPassed} passed, {VerificationsFailed} failed ({FilesChecked} files inspected and loaded)");
        output.WriteLine($"resumes of the last child           {Resumes} of {ResumesExpected} expected (runs with a checkpoint)");
        output.WriteLine($"killed children that had resumed    {KilledChildrenResumed}");
        output.WriteLine($"final digests equal to reference    {DigestsEqual} of {Runs}");
        output.WriteLine($"best.ckpt holding the best epoch    {BestCopiesRight} of {Runs}");
        output.WriteLine($"wall time                           {wallTime.TotalSeconds:F1} s");
        foreach (var failure in _failures)
            output.WriteLine($"FAILED: {failure}");
        output.WriteLine(Consistent ? "PASS" : "FAIL");
        output.WriteLine(TallyLine());
    }

    /// <summary>One machine-readable line of every count, for the test that runs the harness.</summary>
    public string TallyLine()
    {
        var counts = new (string, int)[]
        {
            ("runs", Runs), ("children", ChildrenStarted), ("kills", Kills), ("timed_kills", TimedKills),
            ("write_kills", WriteKills), ("mid_write", KillsMidWrite), ("before_checkpoint", KillsBeforeAnyCheckpoint),
            ("finished_before_kill", FinishedBeforeKill), ("verified", VerificationsPassed),
            ("verify_failed", VerificationsFailed), ("files_checked", FilesChecked), ("resumes_expected", ResumesExpected),
            ("resumes", Resumes), ("killed_resumed", KilledChildrenResumed), ("digests_equal", DigestsEqual), ("best_right", BestCopiesRight),
            ("failures", _failures.Count),
        };
        return "TALLY " + string.Join(' ', counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Item1}={c.Item2}")));
    }
}
