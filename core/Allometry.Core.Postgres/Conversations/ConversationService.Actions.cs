namespace Allometry.Core.Postgres.Conversations;

using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.Conversations;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Actions;
using Allometry.Core.Postgres.Digests;
using Allometry.Core.Postgres.People;

public sealed partial class ConversationService
{
    private static readonly LocalizedText RefusedTitle = new("Not done", "Non effectué");

    /// <inheritdoc />
    public async Task<ConversationReply> OnActionAsync(InboundAction action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!CardActionPayload.TryRead(action.Data, out var verb, out var exceptionId, out var version))
        {
            return Reply(ConversationCards.Error(action.Locale ?? Language.En, ConversationTexts.BadPayloadTitle, ConversationTexts.BadPayload), isPrivate: true);
        }
        var tenantId = await services.Realms.FindTenantAsync(action.From.Platform, action.From.Realm, ct).ConfigureAwait(false);
        if (tenantId is null) return Reply(ConversationCards.UnknownRealm(action.From.Platform, action.From.Realm, action.Locale), isPrivate: true);
        var user = await FindUserAsync(tenantId, action.From, ct).ConfigureAwait(false);
        if (user is null) return Reply(UnlinkedUserNotice.Build(action.Locale ?? Language.En), isPrivate: true);

        // A click happens in a conversation the card was posted to; personal or not, the reply is composed for the clicker.
        var speaker = new Speaker(tenantId, user, action.Locale ?? user.Language, action.From, action.Conversation, IsPersonal: false,
            await PermissionsAsync(tenantId, ct).ConfigureAwait(false));
        return verb switch
        {
            ActionVerb.Ask => await ChosenAsync(speaker, action, ct).ConfigureAwait(false),
            ActionVerb.View => await ViewAsync(speaker, exceptionId, replacesOriginal: !action.Data.ContainsKey(DigestBuilder.OpenKey), ct).ConfigureAwait(false),
            ActionVerb.Subscribe => await SubscribeClickAsync(speaker, action, ct).ConfigureAwait(false),
            ActionVerb.ExportAudit => Reply(ConversationCards.Error(speaker.Language, RefusedTitle, ActionMessages.NotAnExceptionAction), isPrivate: true),
            _ => await ActAsync(speaker, verb, exceptionId, version, action, ct).ConfigureAwait(false),
        };
    }

    /// <summary>A pick on a "which one did you mean?" list: the same question, resolved to the picked subject; the answer replaces the list.</summary>
    private async Task<ConversationReply> ChosenAsync(Speaker speaker, InboundAction action, CancellationToken ct)
    {
        if (!action.Data.TryGetValue("question", out var question) || string.IsNullOrWhiteSpace(question))
        {
            return Reply(ConversationCards.Error(speaker.Language, ConversationTexts.BadPayloadTitle, ConversationTexts.BadSubjectChoice), isPrivate: true);
        }
        var subject = action.Data.TryGetValue("subject", out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
        var answer = await AskAsync(speaker, question, action.Locale, subject, ct).ConfigureAwait(false);
        return answer with { ReplacesOriginal = true };
    }

    /// <summary>The exception's card as this viewer should see it now (Teams asks on <c>refresh</c>): nothing changes, nothing is audited.</summary>
    /// <remarks>A digest's "Open" keeps the digest and posts the card under it (<paramref name="replacesOriginal"/> false).</remarks>
    private async Task<ConversationReply> ViewAsync(Speaker speaker, long? exceptionId, bool replacesOriginal, CancellationToken ct)
    {
        var card = exceptionId is { } id ? await FreshCardAsync(speaker, id, ct).ConfigureAwait(false) : null;
        return card is null
            ? Reply(ConversationCards.Error(speaker.Language, RefusedTitle, ConversationTexts.ExceptionGone), isPrivate: true)
            : Reply(card, replacesOriginal: replacesOriginal);
    }

    /// <summary>The welcome card's "subscribe this channel" button.</summary>
    private Task<ConversationReply> SubscribeClickAsync(Speaker speaker, InboundAction action, CancellationToken ct)
    {
        var weekly = action.Data.TryGetValue(ConversationCards.DigestKey, out var digest) && digest is "weekly";
        TimeOnly? at = action.Data.TryGetValue(ConversationCards.AtKey, out var atText) && atText is not null
            ? ChatCommandParser.ParseTime(atText) : null;
        action.Data.TryGetValue("zone", out var zone);
        return SubscribeAsync(speaker, weekly ? DigestKind.Weekly : DigestKind.Morning, at, string.IsNullOrWhiteSpace(zone) ? null : zone, null, ct);
    }

    /// <summary>
    /// An action on an exception through <see cref="Actions.ActionService"/> (authorized, idempotent
    /// by the delivery's key, versioned, audited). The reply's first card is the exception as the
    /// clicker should now see it, replacing the clicked one, then what happened.
    /// </summary>
    private async Task<ConversationReply> ActAsync(Speaker speaker, ActionVerb verb, long? exceptionId, int? version, InboundAction action, CancellationToken ct)
    {
        var language = speaker.Language;
        var parsed = ActionArgumentParser.Parse(verb, action.Data, Today);
        if (!parsed.IsValid)
        {
            return new ConversationReply
            {
                Cards = [ConversationCards.Error(language, RefusedTitle, parsed.Error!)],
                Private = true,
                InputErrors = InputErrors(verb, action.Data, parsed.Error!.For(language)),
            };
        }
        var outcome = await services.Actions.ExecuteAsync(new ActionRequest
        {
            TenantId = speaker.TenantId,
            Verb = verb,
            Actor = new Actor(speaker.User, action.From),
            IdempotencyKey = action.IdempotencyKey,
            ExceptionId = exceptionId,
            ExpectedVersion = version,
            Arguments = parsed.Arguments!,
            Message = action.Message,
        }, ct).ConfigureAwait(false);

        switch (outcome.Kind)
        {
            case ActionOutcomeKind.Applied or ActionOutcomeKind.AlreadyApplied or ActionOutcomeKind.PendingApproval or ActionOutcomeKind.Stale:
            {
                var notice = outcome.Kind == ActionOutcomeKind.Stale
                    ? NoticeCards.Information(language, outcome.Message) with { Kind = NoticeKind.Warning }
                    : NoticeCards.Confirmation(language, outcome.Message);
                var card = exceptionId is { } id ? await FreshCardAsync(speaker, id, ct).ConfigureAwait(false) : null;
                return card is null
                    ? Reply(notice)
                    : new ConversationReply { Cards = [card, notice], ReplacesOriginal = true };
            }
            case ActionOutcomeKind.Invalid:
                return new ConversationReply
                {
                    Cards = [ConversationCards.Error(language, RefusedTitle, outcome.Message)],
                    Private = true,
                    InputErrors = InputErrors(verb, action.Data, outcome.Message.For(language)),
                };
            default:
                // Denied, not found: the card stays as it was; only the clicker is told why.
                return Reply(ConversationCards.Error(language, RefusedTitle, outcome.Message), isPrivate: true);
        }
    }

    private Task<ExceptionCard?> FreshCardAsync(Speaker speaker, long exceptionId, CancellationToken ct) =>
        services.ExceptionCards.ComposeAsync(speaker.TenantId, exceptionId, speaker.User, speaker.Language, speaker.Permissions, ct);

    /// <summary>
    /// Which input a refusal is about, so a modal can show it inline: the first typed input that
    /// alone fails to parse, else the input the verb requires.
    /// </summary>
    private IReadOnlyDictionary<string, string> InputErrors(ActionVerb verb, IReadOnlyDictionary<string, string?> data, string message)
    {
        string[] typed = ["until", "date", "days", "amount", "condition"];
        foreach (var key in typed)
        {
            if (!data.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value)) continue;
            var alone = new Dictionary<string, string?>(StringComparer.Ordinal) { [key] = value };
            if (ActionArgumentParser.Parse(ActionVerb.View, alone, Today).Error is not null) return new Dictionary<string, string>(StringComparer.Ordinal) { [key] = message };
        }
        var key2 = verb switch
        {
            ActionVerb.Snooze => data.ContainsKey("until") ? "until" : "days",
            ActionVerb.Dismiss => "reason",
            ActionVerb.AddNote => "note",
            ActionVerb.Escalate => "note",
            ActionVerb.Reroute => "payer",
            ActionVerb.RecordPromise => data.TryGetValue("amount", out var a) && !string.IsNullOrWhiteSpace(a) ? "date" : "amount",
            ActionVerb.ReleaseRetainage or ActionVerb.ApproveRelease => "amount",
            _ => null,
        };
        return key2 is null ? new Dictionary<string, string>() : new Dictionary<string, string>(StringComparer.Ordinal) { [key2] = message };
    }
}
