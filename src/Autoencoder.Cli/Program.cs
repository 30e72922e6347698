using System;
using Autoencoder.Cli;

return CliApp.Run(args, Console.Out, Console.Error);
