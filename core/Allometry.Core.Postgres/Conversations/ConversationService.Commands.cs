namespace Allometry.Core.Postgres.Conversations;

using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.Conversations;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Digests;
using Allometry.Core.Postgres.People;
using Allometry.Core.Postgres.Questions;
using Allometry.Core.Postgres.Tenancy;
using Allometry.Core.Questions;

public sealed partial class ConversationService
{
    /// <summary>The weekly summary's default hour when "subscribe weekly" names none.</summary>
    public static readonly TimeOnly WeeklyDefault = new(8, 0);

    private async Task<ConversationReply> RunAsync(Speaker speaker, ChatCommand command, CancellationToken ct)
    {
        var language = speaker.Language;
        if (command.Error is { } error) return Reply(ConversationCards.BadCommand(language, error), !speaker.IsPersonal);
        return command.Kind switch
        {
            ChatCommandKind.Help => Reply(ConversationCards.Help(language), !speaker.IsPersonal),
            ChatCommandKind.Queue => await QueueAsync(speaker, ct).ConfigureAwait(false),
            ChatCommandKind.Summary => await SummaryAsync(speaker, ct).ConfigureAwait(false),
            ChatCommandKind.Digest => await DigestNowAsync(speaker, ct).ConfigureAwait(false),
            ChatCommandKind.SubscribeMorning or ChatCommandKind.SubscribeWeekly => await SubscribeAsync(speaker,
                command.Kind == ChatCommandKind.SubscribeWeekly ? DigestKind.Weekly : DigestKind.Morning,
                command.LocalTime, command.TimeZone, command.Weekday, ct).ConfigureAwait(false),
            ChatCommandKind.Unsubscribe => await UnsubscribeAsync(speaker, command.Weekly, ct).ConfigureAwait(false),
            ChatCommandKind.Link => LinkKnown(speaker, command.Argument!),
            ChatCommandKind.BindProject => await BindProjectAsync(speaker, command.Argument!, ct).ConfigureAwait(false),
            ChatCommandKind.UnbindProject => await UnbindProjectAsync(speaker, ct).ConfigureAwait(false),
            _ => Reply(ConversationCards.Help(language), !speaker.IsPersonal),
        };
    }

    /// <summary>The speaker's top cards, composed for their role; in a channel only they see them.</summary>
    private async Task<ConversationReply> QueueAsync(Speaker speaker, CancellationToken ct)
    {
        var (cards, more) = await services.QueueCards.ComposeAsync(speaker.TenantId, speaker.Role!.Value, speaker.Language, speaker.User.Email, QueueCards,
            speaker.Permissions, ct).ConfigureAwait(false);
        if (cards.Count == 0) return Reply(NoticeCards.Information(speaker.Language, ConversationTexts.QueueEmpty), !speaker.IsPersonal);
        List<Card> all = [.. cards];
        if (more > 0) all.Add(NoticeCards.Information(speaker.Language, ConversationTexts.QueueMore(more)));
        return new ConversationReply { Cards = all, Private = !speaker.IsPersonal };
    }

    /// <summary>The weekly summary as it stands; tenant-wide figures, so not for a project manager limited to their projects.</summary>
    private async Task<ConversationReply> SummaryAsync(Speaker speaker, CancellationToken ct)
    {
        if (!MaySeeTenantFigures(speaker))
        {
            return Reply(NoticeCards.Refusal(speaker.Language, ConversationTexts.NotAllowedSummary), !speaker.IsPersonal);
        }
        var card = await services.Digests.PreviewWeeklyAsync(speaker.TenantId, speaker.Language, speaker.User.TimeZone, ct).ConfigureAwait(false);
        return Reply(card);
    }

    /// <summary>
    /// The morning digest posted here now, as a subscription would post it: the digest, then the cards of its
    /// first items as a shared post shows them (every action; each click is authorized against the clicker).
    /// </summary>
    private async Task<ConversationReply> DigestNowAsync(Speaker speaker, CancellationToken ct)
    {
        if (!MaySeeTenantFigures(speaker))
        {
            return Reply(NoticeCards.Refusal(speaker.Language, ConversationTexts.NotAllowedSummary), !speaker.IsPersonal);
        }
        var bound = await services.Conversations.FindAsync(speaker.TenantId, speaker.Conversation, ct).ConfigureAwait(false);
        var digest = await services.Digests.ComposeMorningAsync(new DigestSubscription
        {
            TenantId = speaker.TenantId,
            Kind = DigestKind.Morning,
            Channel = speaker.Conversation,
            Language = speaker.Language,
            LocalTime = TimeOnly.MinValue,
            TimeZone = speaker.User.TimeZone,
            Filter = bound?.ProjectId is { } project ? new DigestFilter { Projects = [project] } : new DigestFilter(),
        }, ct).ConfigureAwait(false);
        List<Card> cards = [digest];
        foreach (var item in digest.Items.Take(DigestCardsShown))
        {
            if (await services.ExceptionCards.ComposeForChannelAsync(speaker.TenantId, item.ExceptionIds[0], speaker.Language,
                    speaker.Permissions, ct).ConfigureAwait(false) is { } card)
            {
                cards.Add(card);
            }
        }
        return new ConversationReply { Cards = cards };
    }

    /// <summary>Tenant-wide figures (summary, digest) are not for a project manager limited to their own projects.</summary>
    private bool MaySeeTenantFigures(Speaker speaker) =>
        speaker.Role != Role.ProjectManager || speaker.Permissions.ProjectManagersSeeAllProjects;

    /// <summary>How many of the digest's items are posted as full cards under it.</summary>
    private const int DigestCardsShown = 5;

    /// <summary>Subscribes this conversation (its <see cref="ChannelAddress"/>) to a digest; a channel bound to a project gets that project's.</summary>
    private async Task<ConversationReply> SubscribeAsync(Speaker speaker, DigestKind kind, TimeOnly? at, string? zone, DayOfWeek? weekday, CancellationToken ct)
    {
        var language = speaker.Language;
        if (!PermissionMatrix.Allows(speaker.Role!.Value, ActionVerb.Subscribe, ownProject: false, speaker.Permissions))
        {
            return Reply(NoticeCards.Refusal(language, ConversationTexts.NotAllowedSubscribe), !speaker.IsPersonal);
        }
        var timeZone = zone ?? speaker.User.TimeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            return Reply(ConversationCards.BadCommand(language, ConversationTexts.BadTimeZone(timeZone)), !speaker.IsPersonal);
        }
        var bound = speaker.IsPersonal ? null : await services.Conversations.FindAsync(speaker.TenantId, speaker.Conversation, ct).ConfigureAwait(false);
        var localTime = at ?? (kind == DigestKind.Weekly ? WeeklyDefault : ConversationCards.MorningDefault);
        var added = await services.Subscriptions.AddAsync(new DigestSubscription
        {
            TenantId = speaker.TenantId,
            Kind = kind,
            Channel = speaker.Conversation,
            Language = language,
            LocalTime = localTime,
            TimeZone = timeZone,
            Weekday = kind == DigestKind.Weekly ? weekday ?? DayOfWeek.Monday : null,
            Filter = bound?.ProjectId is { } project ? new DigestFilter { Projects = [project] } : new DigestFilter(),
            CreatedBy = speaker.User.Email,
        }, ct).ConfigureAwait(false);
        var time = added.LocalTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var when = kind == DigestKind.Weekly
            ? $"{DayName(added.Weekday ?? DayOfWeek.Monday, language)} {time} ({timeZone})"
            : $"{time} ({timeZone})";
        return Reply(NoticeCards.Confirmation(language, ConversationTexts.Subscribed(kind == DigestKind.Weekly, when)));
    }

    /// <summary>Removes this conversation's subscriptions (of one kind, or all).</summary>
    private async Task<ConversationReply> UnsubscribeAsync(Speaker speaker, bool? weekly, CancellationToken ct)
    {
        if (!PermissionMatrix.Allows(speaker.Role!.Value, ActionVerb.Subscribe, ownProject: false, speaker.Permissions))
        {
            return Reply(NoticeCards.Refusal(speaker.Language, ConversationTexts.NotAllowedSubscribe), !speaker.IsPersonal);
        }
        var here = speaker.Conversation;
        var all = await services.Subscriptions.ListAsync(speaker.TenantId, ct).ConfigureAwait(false);
        var removed = 0;
        foreach (var s in all.Where(s => s.Channel.Platform == here.Platform && s.Channel.Realm == here.Realm && s.Channel.ConversationId == here.ConversationId
            && (weekly is null || (s.Kind == DigestKind.Weekly) == weekly)))
        {
            if (await services.Subscriptions.RemoveAsync(speaker.TenantId, s.SubscriptionId, ct).ConfigureAwait(false)) removed++;
        }
        return Reply(NoticeCards.Confirmation(speaker.Language, ConversationTexts.Unsubscribed(removed)));
    }

    /// <summary>"link me@…" from someone already linked: say who they are linked as.</summary>
    private static ConversationReply LinkKnown(Speaker speaker, string email) =>
        Reply(string.Equals(email, speaker.User.Email, StringComparison.OrdinalIgnoreCase)
            ? NoticeCards.Information(speaker.Language, ConversationTexts.AlreadyLinked)
            : NoticeCards.Information(speaker.Language, ConversationTexts.AlreadyLinked, ConversationTexts.Linked(speaker.User.Name, speaker.User.Email)),
            !speaker.IsPersonal);

    /// <summary>
    /// "link me@…" from an unknown person: linked only when the platform's directory verifies that
    /// very email for this chat account — a typed email alone proves nothing.
    /// </summary>
    private async Task<ConversationReply> LinkUnknownAsync(string tenantId, InboundMessage message, ChatCommand command, CancellationToken ct)
    {
        var language = command.Language ?? message.Locale ?? Language.En;
        foreach (var directory in _directories.Where(d => d.Platform == message.From.Platform))
        {
            var known = await directory.FindUserAsync(message.From, ct).ConfigureAwait(false);
            if (known?.Email is not { } verified || !string.Equals(verified.Trim(), command.Argument, StringComparison.OrdinalIgnoreCase)) continue;
            var user = await services.Users.LinkAsync(tenantId, message.From, directory, ct).ConfigureAwait(false);
            if (user is not null)
            {
                return Reply(NoticeCards.Confirmation(language, ConversationTexts.Linked(user.Name, user.Email)), !message.IsPersonal);
            }
        }
        return Reply(NoticeCards.Refusal(language, ConversationTexts.LinkNotVerified(command.Argument!, message.From)), !message.IsPersonal);
    }

    /// <summary>Binds this channel to a project, found by code or name in the tenant.</summary>
    private async Task<ConversationReply> BindProjectAsync(Speaker speaker, string text, CancellationToken ct)
    {
        var language = speaker.Language;
        if (speaker.IsPersonal) return Reply(NoticeCards.Information(language, ConversationTexts.BindInPersonalChat), isPrivate: false);
        if (!PermissionMatrix.Allows(speaker.Role!.Value, ActionVerb.Subscribe, ownProject: false, speaker.Permissions))
        {
            return Reply(NoticeCards.Refusal(language, ConversationTexts.NotAllowedBind), isPrivate: true);
        }
        var candidates = await ProjectCandidatesAsync(speaker.TenantId, text, ct).ConfigureAwait(false);
        if (candidates.Count != 1)
        {
            var notFound = ConversationTexts.ProjectNotFound(text);
            var listed = candidates.Count == 0 ? null : new LocalizedText(string.Join("\n", candidates.Select(c => "• " + c.Label)), string.Join("\n", candidates.Select(c => "• " + c.Label)));
            return Reply(NoticeCards.Information(language, notFound, listed) with { Kind = NoticeKind.Warning }, isPrivate: true);
        }
        var project = candidates[0];
        await services.Conversations.BindProjectAsync(speaker.TenantId, speaker.Conversation, ConversationKind.Channel, project.Id, ct).ConfigureAwait(false);
        return Reply(NoticeCards.Confirmation(language, ConversationTexts.Bound(project.Label)));
    }

    private async Task<ConversationReply> UnbindProjectAsync(Speaker speaker, CancellationToken ct)
    {
        if (!PermissionMatrix.Allows(speaker.Role!.Value, ActionVerb.Subscribe, ownProject: false, speaker.Permissions))
        {
            return Reply(NoticeCards.Refusal(speaker.Language, ConversationTexts.NotAllowedBind), !speaker.IsPersonal);
        }
        await services.Conversations.BindProjectAsync(speaker.TenantId, speaker.Conversation,
            speaker.IsPersonal ? ConversationKind.Personal : ConversationKind.Channel, null, ct).ConfigureAwait(false);
        return Reply(NoticeCards.Confirmation(speaker.Language, ConversationTexts.Unbound));
    }

    /// <summary>Projects the text names: by id first, then by name (the question engine's trigram search), in the tenant's scope.</summary>
    private async Task<IReadOnlyList<SubjectRef>> ProjectCandidatesAsync(string tenantId, string text, CancellationToken ct)
    {
        var trimmed = text.Trim();
        var code = trimmed.Contains(' ', StringComparison.Ordinal) ? null : trimmed.ToLowerInvariant();
        var parsed = new ParsedQuestion(QuestionIntent.Owed, Language.En, QuestionNormalizer.Normalize(trimmed), code, SubjectHint.Project, null);
        await using var scope = await TenantScope.BeginAsync(services.DataSource, tenantId, ct).ConfigureAwait(false);
        var resolution = await SubjectResolver.ResolveAsync(scope.Connection, scope.Transaction, tenantId, parsed, ct).ConfigureAwait(false);
        return resolution.Candidates;
    }

    private static string DayName(DayOfWeek day, Language language) =>
        language == Language.Fr
            ? System.Globalization.CultureInfo.GetCultureInfo("fr-CA").DateTimeFormat.GetDayName(day)
            : System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(day);
}
