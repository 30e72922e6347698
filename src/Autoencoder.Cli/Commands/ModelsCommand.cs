using Autoencoder.Cli.Registry;

namespace Autoencoder.Cli.Commands;

/// <summary><c>autoencoder models</c>: what the tool can train, with each model's layer table, and which ship trained weights.</summary>
internal static class ModelsCommand
{
    public static CliCommand Create(CliContext context)
    {
        var command = new CliCommand("models", "Lists the models compiled into this tool (declared in src/Autoencoder.Cli/Models/*.ae.yaml) with their layers.")
            .Example("autoencoder models", "shows dense, denoise, inpaint, vae and compress with their layer tables");
        command.SetAction(_ =>
        {
            foreach (var entry in ModelRegistry.All)
            {
                context.Out.WriteLine($"{entry.Name,-9} {entry.Description}   (Models/{entry.YamlFile})");
                if (PretrainedModels.Find(entry.Name) is not null)
                    context.Out.WriteLine($"          trained weights ship with the tool: --model {entry.Name}");
                context.Out.WriteLine(entry.Summary);
                context.Out.WriteLine();
            }
            return CliApp.Ok;
        });
        return command;
    }
}
