// The `allometry` executable: the command line today, the bot host (`allometry serve`) next.
using Allometry.Bot.Cli;

return await AllometryCli.RunAsync(args);
