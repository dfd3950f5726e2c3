namespace Allometry.Core.Actions;

using System.Globalization;
using Allometry.Core.Localization;

/// <summary>
/// Turns the text a card or a command carries (<c>days=7</c>, <c>until=2026-12-01</c>,
/// <c>amount=1 234,56</c>, <c>payer=P-104</c>) into <see cref="ActionArguments"/>, the same way for
/// every channel, with a reason in both languages when it cannot. Keys: until, days, condition
/// (payment_received, deposit_received), reason, note, payer, amount, date, to (manager).
/// </summary>
public static class ActionArgumentParser
{
    /// <summary>The snooze lengths a card offers: one day, three days, one week, two weeks.</summary>
    public static IReadOnlyList<int> SnoozePresets { get; } = [1, 3, 7, 14];

    /// <summary>Parses and validates <paramref name="data"/> for <paramref name="verb"/>; <paramref name="today"/> bounds dates.</summary>
    public static ParsedArguments Parse(ActionVerb verb, IReadOnlyDictionary<string, string?> data, DateOnly today)
    {
        string? Get(string key) => data.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var args = new ActionArguments { Reason = Get("reason"), Note = Get("note"), PayerId = Get("payer") };

        if (Get("until") is { } untilText)
        {
            if (ParseDate(untilText) is not { } until) return Fail(Messages.BadDate("until", untilText));
            args = args with { Until = until };
        }
        if (Get("date") is { } dateText)
        {
            if (ParseDate(dateText) is not { } date) return Fail(Messages.BadDate("date", dateText));
            args = args with { Date = date };
        }
        if (Get("days") is { } daysText)
        {
            if (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || !SnoozePresets.Contains(days))
                return Fail(Messages.BadDays(daysText));
            args = args with { Days = days };
        }
        if (Get("amount") is { } amountText)
        {
            if (AmountText.Parse(amountText) is not { } amount) return Fail(Messages.BadAmount(amountText));
            if (amount <= 0) return Fail(Messages.AmountNotPositive);
            args = args with { Amount = amount };
        }
        if (Get("condition") is { } conditionText)
        {
            SnoozeCondition? condition = conditionText.ToLowerInvariant() switch
            {
                "payment_received" or "payment" => SnoozeCondition.PaymentReceived,
                "deposit_received" or "deposit" => SnoozeCondition.DepositReceived,
                "none" => SnoozeCondition.None,
                _ => null,
            };
            if (condition is null) return Fail(Messages.BadCondition(conditionText));
            args = args with { Condition = condition.Value };
        }
        if (Get("to") is { } to) args = args with { ToManager = to.Equals("manager", StringComparison.OrdinalIgnoreCase) };

        return Validate(verb, args, today);
    }

    /// <summary>Checks what each verb needs of already typed arguments (the service calls it too).</summary>
    public static ParsedArguments Validate(ActionVerb verb, ActionArguments args, DateOnly today)
    {
        switch (verb)
        {
            case ActionVerb.Snooze:
                if (args.Until is null && args.Days is null && args.Condition == SnoozeCondition.None) return Fail(Messages.SnoozeNeedsLength);
                if (args.Until is { } until && until <= today) return Fail(Messages.UntilInPast(until));
                if (args.Days is { } d && !SnoozePresets.Contains(d)) return Fail(Messages.BadDays(d.ToString(CultureInfo.InvariantCulture)));
                break;
            case ActionVerb.Dismiss when args.Reason is null:
                return Fail(Messages.ReasonRequired);
            case ActionVerb.AddNote when args.Note is null:
                return Fail(Messages.NoteRequired);
            case ActionVerb.Reroute when args.PayerId is null:
                return Fail(Messages.PayerRequired);
            case ActionVerb.RecordPromise when args.Amount is null || args.Date is null:
                return Fail(Messages.PromiseNeedsDateAndAmount);
            case ActionVerb.RecordPromise when args.Date < today:
                return Fail(Messages.PromiseInPast);
        }
        if (args.Amount is { } amount && (amount <= 0 || decimal.Round(amount, 2) != amount)) return Fail(Messages.AmountNotPositive);
        return new ParsedArguments(args, null);
    }

    /// <summary>The day a snooze ends: its date, else today plus its length; null for a condition alone.</summary>
    public static DateOnly? SnoozeEnd(ActionArguments args, DateOnly today) =>
        args.Until ?? (args.Days is { } days ? today.AddDays(days) : null);

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static ParsedArguments Fail(LocalizedText error) => new(null, error);

    private static class Messages
    {
        public static LocalizedText BadDate(string key, string text) => new(
            $"“{text}” is not a date for {key}: write it as yyyy-MM-dd, e.g. 2026-12-01.",
            $"« {text} » n’est pas une date valide pour {key} : écrivez-la aaaa-MM-jj, p. ex. 2026-12-01.");
        public static LocalizedText BadDays(string text) => new(
            $"“{text}” is not a snooze length: choose 1, 3, 7 or 14 days, or a date.",
            $"« {text} » n’est pas une durée de report : choisissez 1, 3, 7 ou 14 jours, ou une date.");
        public static LocalizedText BadAmount(string text) => new(
            $"“{text}” is not an amount: write it like 1234.56 or 1 234,56 $ (two decimals at most).",
            $"« {text} » n’est pas un montant : écrivez-le comme 1 234,56 $ ou 1234.56 (deux décimales au plus).");
        public static LocalizedText BadCondition(string text) => new(
            $"“{text}” is not a snooze condition: use payment_received or deposit_received.",
            $"« {text} » n’est pas une condition de report : utilisez payment_received ou deposit_received.");
        public static LocalizedText UntilInPast(DateOnly until) => new(
            $"The snooze must end after today ({until:yyyy-MM-dd} is not).",
            $"Le report doit se terminer après aujourd’hui (ce n’est pas le cas du {until:yyyy-MM-dd}).");
        public static readonly LocalizedText AmountNotPositive = new(
            "The amount must be greater than zero, to the cent.",
            "Le montant doit être supérieur à zéro, au cent près.");
        public static readonly LocalizedText SnoozeNeedsLength = new(
            "Say how long to snooze: 1, 3, 7 or 14 days, a date, or until a payment or deposit arrives.",
            "Indiquez la durée du report : 1, 3, 7 ou 14 jours, une date, ou jusqu’à la réception d’un paiement ou d’un dépôt.");
        public static readonly LocalizedText ReasonRequired = new(
            "Dismissing needs a reason, so the team knows why this is not an issue.",
            "Pour écarter cette exception, indiquez une raison afin que l’équipe sache pourquoi ce n’est pas un problème.");
        public static readonly LocalizedText NoteRequired = new("The note is empty.", "La note est vide.");
        public static readonly LocalizedText PayerRequired = new(
            "Choose the linked entity that now holds the liability.",
            "Choisissez l’entité liée qui détient maintenant la dette.");
        public static readonly LocalizedText PromiseNeedsDateAndAmount = new(
            "A promise to pay needs a date and an amount.",
            "Une promesse de paiement demande une date et un montant.");
        public static readonly LocalizedText PromiseInPast = new(
            "A promise to pay is for today or later.",
            "Une promesse de paiement porte sur aujourd’hui ou plus tard.");
    }
}
