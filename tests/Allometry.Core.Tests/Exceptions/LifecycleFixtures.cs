namespace Allometry.Core.Tests.Exceptions;

using Allometry.Core.Exceptions;
using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>Findings and stored exceptions built in a line, for lifecycle tests.</summary>
internal static class LifecycleFixtures
{
    public const string Rule = "DepositGateUnpaid";
    public static readonly DateOnly AsOf = new(2026, 11, 20);
    public static readonly DateOnly Today = new(2026, 11, 21);

    public static Finding Finding(string subjectId = "PR-1", decimal amount = 1000m, Severity severity = Severity.High, string rule = Rule, string detail = "deposit unpaid") => new()
    {
        RuleId = rule,
        RuleVersion = 1,
        Severity = severity,
        Subject = new FindingSubject(SubjectKind.Project, subjectId),
        AmountAtRisk = amount,
        PayerId = "P-1",
        ProjectId = subjectId,
        Title = new LocalizedText("Deposit unpaid", "Dépôt impayé"),
        Detail = new LocalizedText(detail, detail + " (fr)"),
        SuggestedAction = new LocalizedText("chase", "relancer"),
        Evidence = [new Evidence("invoices", "INV-1", "balance", "0.00", amount.ToString("F2", System.Globalization.CultureInfo.InvariantCulture))],
    };

    /// <summary>The stored exception a finding became, in the given status.</summary>
    public static ExceptionState Stored(Finding finding, ExceptionStatus status = ExceptionStatus.Open, long id = 1, DateOnly? snoozedUntil = null, DateOnly? lastSeen = null) => new()
    {
        ExceptionId = id,
        Fingerprint = finding.Fingerprint,
        RuleId = finding.RuleId,
        Subject = finding.Subject,
        PayerId = finding.PayerId,
        ProjectId = finding.ProjectId,
        Status = status,
        Severity = finding.Severity,
        AmountAtRisk = finding.AmountAtRisk,
        ContentHash = FindingContent.Hash(finding),
        SnoozedUntil = snoozedUntil,
        Version = 3,
        LastSeenOn = lastSeen ?? AsOf,
    };

    public static LifecycleContext Context(
        Func<ExceptionState, LocalizedText?>? explain = null, string[]? run = null, string[]? disabled = null, DateOnly? asOf = null) => new(
        asOf ?? AsOf,
        Today,
        new HashSet<string>(run ?? [Rule], StringComparer.Ordinal),
        new HashSet<string>(disabled ?? [], StringComparer.Ordinal),
        explain);
}
