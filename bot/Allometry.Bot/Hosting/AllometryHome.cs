namespace Allometry.Bot.Hosting;

/// <summary>
/// The folder holding what Allometry keeps on this machine: the private database, the generated
/// sample. <c>ALLOMETRY_HOME</c> when set (the script sets it beside itself), else <c>./.allometry</c>.
/// </summary>
internal sealed record AllometryHome(string Root)
{
    public string PostgresDirectory => Path.Combine(Root, "pg");

    public string SampleDirectory => Path.Combine(Root, "sample");

    public static AllometryHome FromEnvironment()
    {
        var configured = Environment.GetEnvironmentVariable("ALLOMETRY_HOME");
        var root = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Directory.GetCurrentDirectory(), ".allometry")
            : configured;
        return new AllometryHome(Path.GetFullPath(root));
    }
}
