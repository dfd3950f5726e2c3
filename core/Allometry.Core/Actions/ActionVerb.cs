namespace Allometry.Core.Actions;

/// <summary>
/// Everything a person can do from a card, a command or a question. The same verbs serve Teams,
/// Slack, the web chat and the CLI; their wire spelling is <see cref="Ledger.LedgerVocabulary"/>'s
/// snake_case (<c>release_retainage</c>).
/// </summary>
public enum ActionVerb
{
    // Reading
    View,
    Ask,
    // On an exception
    Snooze,
    Escalate,
    Reroute,
    AssignToMe,
    AddNote,
    RecordPromise,
    Dismiss,
    ReleaseRetainage,
    ApproveRelease,
    // Around the queue
    Subscribe,
    ExportAudit,
}
