using System;
using System.Diagnostics;
using System.Globalization;

namespace Autoencoder.Fuzz;

/// <summary>
/// dotnet run -c Release --project tests/Autoencoder.Fuzz -- [--seed N] [--cases N] [--report-every N] [--case I] [--bench]
/// Exit code 1 when any must-be-zero count is not zero.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var seed = Environment.TickCount & int.MaxValue;
        var cases = 10_000;
        var reportEvery = 1_000;
        int? only = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seed": seed = Next(args, ref i); break;
                case "--cases": cases = Next(args, ref i); break;
                case "--report-every": reportEvery = Next(args, ref i); break;
                case "--case": only = Next(args, ref i); break;
                case "--bench": return GeneratorBenchmark.Run();
                default:
                    Console.Error.WriteLine($"unknown option '{args[i]}'; use --seed N --cases N --report-every N --case I --bench");
                    return 2;
            }
        }

        return only is { } index ? Replay(seed, index) : Fuzz(seed, cases, reportEvery);
    }

    private static int Fuzz(int seed, int cases, int reportEvery)
    {
        Console.WriteLine($"seed {seed}, {cases} cases, {Environment.ProcessorCount} cores");
        var clock = Stopwatch.StartNew();
        var summary = FuzzEngine.Run(seed, cases, progress: done =>
        {
            if (reportEvery > 0 && done % reportEvery == 0)
            {
                Console.WriteLine($"  {done} cases, {done / clock.Elapsed.TotalSeconds:F0}/s");
            }
        });
        clock.Stop();

        foreach (var failure in summary.Failures)
        {
            Console.WriteLine($"--- case {failure.Index} ({failure.Outcome}, from {failure.Seed}); replay: --seed {seed} --case {failure.Index}");
            Console.WriteLine(failure.Input);
            Console.WriteLine("--- " + failure.Detail);
        }

        Console.WriteLine($"(a) generator exceptions: {summary.GeneratorExceptions}");
        Console.WriteLine($"(b) model silently ignored: {summary.SilentlyIgnored}");
        Console.WriteLine($"(c) accepted output that does not compile: {summary.BrokenOutputs}");
        Console.WriteLine($"accepted (module generated): {summary.Accepted}, rejected with errors: {cases - summary.Accepted - summary.SilentlyIgnored - summary.GeneratorExceptions}");
        Console.WriteLine($"seed {seed}: {cases} cases in {clock.Elapsed.TotalSeconds:F1} s = {cases / clock.Elapsed.TotalSeconds:F0} cases/s; {(summary.Clean ? "clean" : "FAILURES")}");
        return summary.Clean ? 0 : 1;
    }

    private static int Replay(int seed, int index)
    {
        var result = FuzzEngine.RunCase(seed, index, out var generatedModule);
        Console.WriteLine($"case {index} of seed {seed}, from {result.Seed}: {result.Outcome}{(generatedModule ? ", module generated" : string.Empty)}");
        Console.WriteLine(result.Input);
        Console.WriteLine("--- " + result.Detail);
        return result.Outcome == Outcome.Fine ? 0 : 1;
    }

    private static int Next(string[] args, ref int i)
    {
        if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new ArgumentException($"{args[i]} needs an integer");
        }

        i++;
        return value;
    }
}
