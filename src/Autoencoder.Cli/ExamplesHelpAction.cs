using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Autoencoder.Cli;

/// <summary>System.CommandLine's help, followed by the command's examples: a newcomer learns most from one that works.</summary>
internal sealed class ExamplesHelpAction(HelpAction standard) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        int result = standard.Invoke(parseResult);
        if (parseResult.CommandResult.Command is CliCommand { Examples.Count: > 0 } command)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var (commandLine, explanation) in command.Examples)
            {
                output.WriteLine($"  {commandLine}");
                output.WriteLine($"      {explanation}");
            }
            output.WriteLine();
        }
        return result;
    }
}
