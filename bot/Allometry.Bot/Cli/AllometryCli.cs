namespace Allometry.Bot.Cli;

using System.CommandLine;
using Allometry.Bot.Cli.Commands;

/// <summary>The `allometry` command tree.</summary>
internal static class AllometryCli
{
    public static RootCommand Build(CliEnvironment env)
    {
        var root = new RootCommand("Allometry — the AR control layer for asset-heavy operators / la couche de contrôle des comptes clients");
        root.Add(MigrateCommand.Create(env));
        root.Add(ImportCommand.Create(env));
        root.Add(LedgerCommand.Create(env));
        root.Add(EvaluateCommand.Create(env));
        root.Add(ExceptionsCommand.Create(env));
        root.Add(AskCommand.Create(env));
        root.Add(SampleCommand.Create(env));
        root.Add(DemoCommand.Create(env));
        root.Add(DiagnoseCommand.Create(env));
        root.Add(ActCommand.Create(env));
        root.Add(AuditCommand.Create(env));
        root.Add(UsersCommand.Create(env));
        root.Add(SettingsCommand.Create(env));
        root.Add(QueueCommand.Create(env));
        root.Add(DigestCommand.Create(env));
        root.Add(SubscriptionsCommand.Create(env));
        root.Add(OutboxCommand.Create(env));
        root.Add(ServeCommand.Create(env));
        root.Add(JobsCommand.Create(env));
        root.Add(SlackCommand.Create(env));
        root.Add(ChannelsCommand.Create(env));
        root.Add(TeamsCommand.Create(env));
        return root;
    }

    public static Task<int> RunAsync(string[] args) => Build(CliEnvironment.FromProcess()).Parse(args).InvokeAsync();
}
