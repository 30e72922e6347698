using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Autoencoder.KillHarness.Parent;

/// <summary>
/// One run: in a fresh directory, children are started and SIGKILLed, the directory is checked after each kill, and
/// a last child is let finish; it must resume from the newest checkpoint and end with the reference weights.
/// </summary>
internal sealed class KillRun
{
    private readonly int _number;
    private readonly string _directory;
    private readonly TrainingSize _size;
    private readonly ChildTiming _timing;
    private readonly WritePlan _plan;
    private readonly string _referenceDigest;
    private readonly Random _random;
    private readonly KillTally _tally;
    private readonly List<string> _notes = new();
    private bool _failed;

    public KillRun(int number, string directory, TrainingSize size, ChildTiming timing, WritePlan plan,
        string referenceDigest, Random random, KillTally tally)
    {
        _number = number;
        _directory = directory;
        _size = size;
        _timing = timing;
        _plan = plan;
        _referenceDigest = referenceDigest;
        _random = random;
        _tally = tally;
    }

    /// <summary>Runs the kills and the last child; false when a check failed (the failures are in the tally).</summary>
    public bool Execute(int kills)
    {
        Directory.CreateDirectory(_directory);
        var state = CheckpointCheck.Examine(_directory, _size);
        for (int k = 0; k < kills; k++)
        {
            bool finished;
            (finished, state) = KillOneChild(state);
            if (finished || _failed)
                break; // the run is over: further children would only find a finished run
        }

        if (!_failed)
            FinishRun(state);
        _tally.Runs++;
        Console.WriteLine($"run {_number}: {string.Join("; ", _notes)}");
        return !_failed;
    }

    private (bool Finished, DirectoryState State) KillOneChild(DirectoryState before)
    {
        // About half the kills wait for one of the child's writes to begin (while the run has any left); the rest fall
        // anywhere in its life. Every draw is made every time, so a seed gives the same plan.
        double progress = before.Position.Progress(_size);
        var writesLeft = _plan.After(before.Newest);
        bool onWrite = _random.Next(2) == 0 && writesLeft.Count > 0;
        int write = _random.Next(1, writesLeft.Count + 1);
        string target = onWrite ? writesLeft[write - 1] : "";
        var delay = _timing.KillDelay(_random, progress);
        var size = StreamingThreads();

        ChildProcess? child = null;
        using var watcher = new WriteWatcher(_directory, onWrite ? write : 0, () => child?.Kill());
        using (child = ChildProcess.Start(_directory, size))
        {
            _tally.ChildrenStarted++;
            if (!onWrite && !child.WaitForExit(delay))
                child.Kill();
            if (!child.WaitForExit(_timing.Timeout))
            {
                Fail($"a child neither finished nor was killed within {_timing.Timeout.TotalSeconds:F0} s", child);
                return (false, before);
            }

            _timing.Observe(child, progress);
            var after = CheckpointCheck.Examine(_directory, _size);
            Check(RunChecks.Resume(child, before.Newest, required: false), child);
            if (!child.Killed)
            {
                _tally.FinishedBeforeKill++;
                _notes.Add(onWrite ? $"done before writing {target}" : $"done before {delay.TotalSeconds:F2} s");
                if (onWrite)
                    Fail($"a child finished without writing {target}, its write #{write} in the reference run", child);
                Check(RunChecks.Finished(child, _referenceDigest), child);
                return (true, after);
            }

            if (RunChecks.Resumed(child, before.Newest))
                _tally.KilledChildrenResumed++;

            string moment = onWrite ? $"kill in write of {target}" : $"kill at {child.KilledAt!.Value.TotalSeconds:F2} s";
            string? killedIn = watcher.Writes.ElementAtOrDefault(write - 1);
            if (onWrite && killedIn != target)
                Fail($"the child's write #{write} was {killedIn ?? "(none)"}, and in the reference run it is {target}", child);
            bool midWrite = after.NewTempFileSince(before);
            CountKill(onWrite, midWrite, after);
            _notes.Add($"{moment} -> {Describe(after, midWrite)}");
            return (false, after);
        }
    }

    private void CountKill(bool onWrite, bool midWrite, DirectoryState after)
    {
        if (onWrite)
            _tally.WriteKills++;
        else
            _tally.TimedKills++;
        if (midWrite && onWrite)
            _tally.WriteKillsMidWrite++;
        else if (midWrite)
            _tally.TimedKillsMidWrite++;
        if (after.Newest is null)
            _tally.KillsBeforeAnyCheckpoint++;

        _tally.FilesChecked += after.FilesChecked;
        if (after.Failures.Count == 0 && after.Newest is not null)
            _tally.VerificationsPassed++;
        else if (after.Failures.Count > 0)
        {
            _tally.VerificationsFailed++;
            Fail("a checkpoint left by a killed child does not load: " + string.Join("; ", after.Failures), child: null);
        }
    }

    /// <summary>
    /// The child's training; a child that streams images decodes on 1 or 2 threads, drawn here, so resumes cross thread
    /// counts (the digits mode draws nothing more, so its seeds keep their plans).
    /// </summary>
    private TrainingSize StreamingThreads() =>
        _size.ImageFolder is null ? _size : _size with { DecodeThreads = _random.Next(1, 3) };

    private void FinishRun(DirectoryState before)
    {
        using var child = ChildProcess.Start(_directory, StreamingThreads());
        _tally.ChildrenStarted++;
        if (!child.WaitForExit(_timing.Timeout))
        {
            Fail($"the last child did not finish within {_timing.Timeout.TotalSeconds:F0} s", child);
            return;
        }

        _timing.Observe(child, before.Position.Progress(_size));

        if (before.Newest is not null)
            _tally.ResumesExpected++;
        if (Check(RunChecks.Resume(child, before.Newest, required: true), child) && before.Newest is not null)
            _tally.Resumes++;
        Check(RunChecks.NoTemporaryFiles(_directory), child);
        if (Check(RunChecks.Finished(child, _referenceDigest), child))
        {
            _tally.DigestsEqual++;
            _notes.Add(before.Newest is null ? "last child started fresh, digest equal" : "last child resumed, digest equal");
        }
        if (Check(RunChecks.BestCopy(_directory), child: null))
            _tally.BestCopiesRight++;
    }

    private static string Describe(DirectoryState state, bool midWrite)
    {
        string newest = state.Newest is null ? "no checkpoint yet" : Path.GetFileName(state.Newest) + (state.Failures.Count == 0 ? " loads" : " FAILS");
        return midWrite ? newest + ", .tmp left (mid-write)" : newest;
    }

    /// <summary>Records <paramref name="failure"/> when there is one; true when there is none.</summary>
    private bool Check(string? failure, ChildProcess? child)
    {
        if (failure is not null)
            Fail(failure, child);
        return failure is null;
    }

    private void Fail(string message, ChildProcess? child)
    {
        _failed = true;
        _notes.Add("FAILED: " + message);
        _tally.Fail($"run {_number} ({_directory}): {message}" +
                    (child is null ? "" : Environment.NewLine + child.Diagnostics()));
    }
}
