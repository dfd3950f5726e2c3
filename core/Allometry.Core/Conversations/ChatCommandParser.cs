namespace Allometry.Core.Conversations;

using System.Globalization;
using System.Text;
using Allometry.Core.Localization;

/// <summary>
/// Tells the commands typed in chat (English or French) from questions: <c>help</c>/<c>aide</c>,
/// <c>queue</c>/<c>ma file</c>, <c>summary</c>/<c>sommaire</c>, <c>morning digest</c>/<c>sommaire du matin</c>, <c>subscribe morning 07:30
/// [zone]</c>/<c>abonner matin 7h30</c>, <c>subscribe weekly [monday] [08:00]</c>/<c>abonner hebdo
/// [lundi] [8h]</c>, <c>unsubscribe</c>/<c>désabonner</c>, <c>link &lt;email&gt;</c>/<c>lier
/// &lt;courriel&gt;</c>, <c>bind project &lt;code&gt;</c>/<c>lier projet &lt;code&gt;</c>,
/// <c>unbind project</c>/<c>délier projet</c>. Anything else is not a command (null) and goes to
/// the question engine. A command word with arguments it cannot read comes back with an
/// <see cref="ChatCommand.Error"/> naming the word and showing the expected form.
/// </summary>
public static class ChatCommandParser
{
    private static readonly Dictionary<string, (ChatCommandKind Kind, Language? Language)> Exact = new(StringComparer.Ordinal)
    {
        ["help"] = (ChatCommandKind.Help, Language.En),
        ["commands"] = (ChatCommandKind.Help, Language.En),
        ["?"] = (ChatCommandKind.Help, null),
        ["aide"] = (ChatCommandKind.Help, Language.Fr),
        ["commandes"] = (ChatCommandKind.Help, Language.Fr),
        ["queue"] = (ChatCommandKind.Queue, Language.En),
        ["my queue"] = (ChatCommandKind.Queue, Language.En),
        ["show my queue"] = (ChatCommandKind.Queue, Language.En),
        ["file"] = (ChatCommandKind.Queue, Language.Fr),
        ["ma file"] = (ChatCommandKind.Queue, Language.Fr),
        ["ma file d'attente"] = (ChatCommandKind.Queue, Language.Fr),
        ["summary"] = (ChatCommandKind.Summary, Language.En),
        ["weekly summary"] = (ChatCommandKind.Summary, Language.En),
        ["sommaire"] = (ChatCommandKind.Summary, Language.Fr),
        ["resume"] = (ChatCommandKind.Summary, Language.Fr),
        ["resume hebdomadaire"] = (ChatCommandKind.Summary, Language.Fr),
        ["sommaire hebdomadaire"] = (ChatCommandKind.Summary, Language.Fr),
        ["digest"] = (ChatCommandKind.Digest, Language.En),
        ["morning digest"] = (ChatCommandKind.Digest, Language.En),
        ["post the morning digest"] = (ChatCommandKind.Digest, Language.En),
        ["sommaire du matin"] = (ChatCommandKind.Digest, Language.Fr),
        ["resume du matin"] = (ChatCommandKind.Digest, Language.Fr),
        ["digest du matin"] = (ChatCommandKind.Digest, Language.Fr),
        ["unbind project"] = (ChatCommandKind.UnbindProject, Language.En),
        ["unbind"] = (ChatCommandKind.UnbindProject, Language.En),
        ["delier projet"] = (ChatCommandKind.UnbindProject, Language.Fr),
        ["delier le projet"] = (ChatCommandKind.UnbindProject, Language.Fr),
    };

    private static readonly Dictionary<string, Language> SubscribeWords = new(StringComparer.Ordinal)
    {
        ["subscribe"] = Language.En, ["abonner"] = Language.Fr, ["s'abonner"] = Language.Fr, ["abonnement"] = Language.Fr,
        ["m'abonner"] = Language.Fr,
    };

    private static readonly Dictionary<string, Language> UnsubscribeWords = new(StringComparer.Ordinal)
    {
        ["unsubscribe"] = Language.En, ["desabonner"] = Language.Fr, ["se desabonner"] = Language.Fr, ["me desabonner"] = Language.Fr,
        ["desabonnement"] = Language.Fr,
    };

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday, ["sunday"] = DayOfWeek.Sunday,
        ["lundi"] = DayOfWeek.Monday, ["mardi"] = DayOfWeek.Tuesday, ["mercredi"] = DayOfWeek.Wednesday,
        ["jeudi"] = DayOfWeek.Thursday, ["vendredi"] = DayOfWeek.Friday, ["samedi"] = DayOfWeek.Saturday, ["dimanche"] = DayOfWeek.Sunday,
    };

    /// <summary>The command <paramref name="text"/> spells, or null when it is a question.</summary>
    public static ChatCommand? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var original = text.Trim().TrimStart('/').TrimEnd('.', '!', ' ');
        var tokens = original.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var keys = tokens.Select(Key).ToArray();
        var joined = string.Join(' ', keys);
        if (Exact.TryGetValue(joined, out var exact)) return new ChatCommand { Kind = exact.Kind, Language = exact.Language };

        // Two-word command words ("se désabonner") are folded into one so the arguments start at index 1.
        if (keys.Length >= 2 && (keys[0] is "se" or "me") && UnsubscribeWords.ContainsKey($"{keys[0]} {keys[1]}"))
        {
            keys = [$"{keys[0]} {keys[1]}", .. keys[2..]];
            tokens = [$"{tokens[0]} {tokens[1]}", .. tokens[2..]];
        }
        if (keys.Length == 0) return null;
        var head = keys[0];
        if (SubscribeWords.TryGetValue(head, out var subscribeLanguage)) return Subscribe(tokens[1..], keys[1..], subscribeLanguage);
        if (UnsubscribeWords.TryGetValue(head, out var unsubscribeLanguage)) return Unsubscribe(keys[1..], unsubscribeLanguage);
        return head switch
        {
            "link" or "lier" or "relier" when keys.Length >= 2 && keys[1] is "project" or "projet" or "le" or "au" =>
                BindProject(tokens, keys, head == "link" ? Language.En : Language.Fr),
            "bind" => BindProject(tokens, keys, Language.En),
            "link" => Link(tokens[1..], Language.En),
            "lier" or "relier" => Link(tokens[1..], Language.Fr),
            _ => null,
        };
    }

    private static ChatCommand Subscribe(string[] tokens, string[] keys, Language language)
    {
        var weekly = false;
        TimeOnly? time = null;
        DayOfWeek? weekday = null;
        string? zone = null;
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            if (key is "to" or "a" or "au" or "le" or "the" or "this" or "channel" or "ce" or "canal" or "digest" or "resume" or "at") continue;
            if (key is "morning" or "matin" or "daily" or "quotidien") weekly = false;
            else if (key is "weekly" or "hebdo" or "hebdomadaire" or "week" or "semaine") weekly = true;
            else if (Weekdays.TryGetValue(key, out var day)) { weekday = day; weekly = true; }
            else if (ParseTime(key) is { } t) time = t;
            else if (tokens[i].Contains('/', StringComparison.Ordinal) || key == "utc") zone = key == "utc" ? "UTC" : tokens[i];
            else return Refused(ChatCommandKind.SubscribeMorning, language, tokens[i], ConversationTexts.SubscribeUsage);
        }
        return new ChatCommand
        {
            Kind = weekly ? ChatCommandKind.SubscribeWeekly : ChatCommandKind.SubscribeMorning,
            Language = language, LocalTime = time, TimeZone = zone, Weekday = weekly ? weekday : null,
        };
    }

    private static ChatCommand Unsubscribe(string[] keys, Language language)
    {
        bool? weekly = null;
        foreach (var key in keys)
        {
            if (key is "morning" or "matin" or "daily" or "quotidien") weekly = false;
            else if (key is "weekly" or "hebdo" or "hebdomadaire") weekly = true;
            else if (key is "from" or "du" or "de" or "the" or "le" or "la" or "all" or "tout" or "digest" or "resume") continue;
            else return Refused(ChatCommandKind.Unsubscribe, language, key, ConversationTexts.UnsubscribeUsage);
        }
        return new ChatCommand { Kind = ChatCommandKind.Unsubscribe, Language = language, Weekly = weekly };
    }

    private static ChatCommand Link(string[] tokens, Language language)
    {
        var email = tokens.Length == 1 ? tokens[0].Trim('<', '>') : null;
        // Teams and Slack turn an email into a mailto link: <mailto:a@b|a@b>.
        if (email is not null && email.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) email = email[7..].Split('|')[0];
        return email is not null && email.IndexOf('@', StringComparison.Ordinal) > 0 && !email.EndsWith('@')
            ? new ChatCommand { Kind = ChatCommandKind.Link, Language = language, Argument = email }
            : Refused(ChatCommandKind.Link, language, string.Join(' ', tokens), ConversationTexts.LinkUsage);
    }

    private static ChatCommand BindProject(string[] tokens, string[] keys, Language language)
    {
        // bind [to] [the] project X · lier [le|au] projet X
        var i = 1;
        while (i < keys.Length && keys[i] is "to" or "the" or "le" or "au" or "this" or "channel" or "ce" or "canal") i++;
        if (i < keys.Length && keys[i] is "project" or "projet") i++;
        var code = string.Join(' ', tokens[i..]);
        return code.Length > 0
            ? new ChatCommand { Kind = ChatCommandKind.BindProject, Language = language, Argument = code }
            : Refused(ChatCommandKind.BindProject, language, "", ConversationTexts.BindUsage);
    }

    private static ChatCommand Refused(ChatCommandKind kind, Language language, string word, LocalizedText usage) => new()
    {
        Kind = kind,
        Language = language,
        Error = word.Length == 0
            ? usage
            : new LocalizedText($"I didn't understand “{word}” in that command. {usage.En}", $"Je n'ai pas compris « {word} » dans cette commande. {usage.Fr}"),
    };

    /// <summary>A local time typed as one token: 07:30, 7:30, 7h30, 7h (a bare number is not a time); null otherwise.</summary>
    public static TimeOnly? ParseTime(string key)
    {
        var separator = key.IndexOfAny([':', 'h']);
        if (separator <= 0 || separator > 2) return null;
        var hourText = key[..separator];
        var minuteText = key[(separator + 1)..];
        if (minuteText.Length == 0 && key[separator] == 'h') minuteText = "00";
        if (minuteText.Length != 2) return null;
        if (!int.TryParse(hourText, NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(minuteText, NumberStyles.None, CultureInfo.InvariantCulture, out var minute)
            || hour > 23 || minute > 59)
        {
            return null;
        }
        return new TimeOnly(hour, minute);
    }

    /// <summary>Lower case, no accents, typographic apostrophes made straight: "Désabonner" → "desabonner".</summary>
    private static string Key(string token)
    {
        var lowered = token.ToLowerInvariant().Replace('’', '\'');
        var decomposed = lowered.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(c);
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
