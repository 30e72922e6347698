using System;
using Autoencoder.KillHarness;
using Autoencoder.KillHarness.Child;
using Autoencoder.KillHarness.Parent;

HarnessOptions options;
try
{
    options = HarnessOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(HarnessOptions.Usage);
    return 0;
}

return options.Child
    ? ChildTraining.Run(options.Directory!, options.Training)
    : KillCampaign.Run(options);
