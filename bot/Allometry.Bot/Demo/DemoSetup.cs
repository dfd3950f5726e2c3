namespace Allometry.Bot.Demo;

using Allometry.Bot.Cli.Commands;
using Allometry.Bot.Imports;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Conversations;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.People;
using Allometry.Core.Sample;

/// <summary>
/// Puts the sample operator in place for the demo and the end-to-end tests: its ledger imported
/// (and evaluated) through the real reader and store, its people seeded, each person reachable
/// from the local web chat as themselves, and the web chat's realm bound to the demo tenant.
/// Loading is skipped when the data is already there, so a second run reuses it.
/// </summary>
internal static class DemoSetup
{
    public const string Tenant = "demo";

    /// <summary>The web chat's realm: the local Direct Line channel has one.</summary>
    public const string WebChatRealm = "local";

    /// <param name="services">Resolves TenantDirectory, AgingSummaryStore, ImportService, UserStore and ChatRealmStore.</param>
    /// <param name="sampleDirectory">Where the generated workbook is written.</param>
    /// <param name="reset">Delete the demo tenant first and load everything again.</param>
    /// <param name="language">The language of the import's messages.</param>
    /// <param name="ct">Cancels the preparation.</param>
    public static async Task<DemoData> PrepareAsync(Func<Type, object> services, string sampleDirectory, bool reset, Language language, CancellationToken ct)
    {
        T Get<T>() => (T)services(typeof(T));
        if (reset)
        {
            await Get<TenantDirectory>().DeleteAsync(Tenant, ct).ConfigureAwait(false);
        }
        var workbook = Path.Combine(sampleDirectory, "borealis-ledger.xlsx");
        var asOf = await Get<AgingSummaryStore>().LatestAsOfAsync(Tenant, ct).ConfigureAwait(false);
        ImportOutcome? imported = null;
        SampleLedger? ledger = null;
        if (asOf is null)
        {
            ledger = SampleOperatorGenerator.Generate();
            Directory.CreateDirectory(sampleDirectory);
            SampleCommand.Write(ledger, workbook);
            imported = await Get<ImportService>().ImportAsync([workbook], new ImportRequest(Tenant, null, language), ct).ConfigureAwait(false);
        }
        var users = Get<UserStore>();
        foreach (var user in await SampleUsers.SeedAsync(users, Tenant, ct).ConfigureAwait(false))
        {
            // In the web chat you act as a sample person: their email is their web-chat user id.
            await users.LinkDirectAsync(Tenant, new PlatformIdentity(Platform.WebChat, WebChatRealm, user.Email), user.UserId, ct).ConfigureAwait(false);
        }
        await Get<ChatRealmStore>().BindAsync(Tenant, Platform.WebChat, WebChatRealm, "demo", ct).ConfigureAwait(false);
        return new DemoData(workbook, asOf, ledger, imported);
    }
}
