namespace Allometry.Core.Conversations;

using System.Globalization;
using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Ledger;

/// <summary>
/// The one wire shape of a card button's payload, shared by every channel: Adaptive Card
/// <c>Action.Execute</c>/<c>Action.Submit</c> <c>data</c>, Slack button <c>value</c> (as compact JSON),
/// Web Chat submit values. Keys: <c>verb</c> (snake_case), <c>exception</c>, <c>version</c>, then the
/// action's preset arguments (<c>days=3</c>, <c>question</c>, <c>subject</c>…). Input values are merged in
/// by the channel under their <see cref="CardInput.Id"/>.
/// </summary>
public static class CardActionPayload
{
    public const string VerbKey = "verb";
    public const string ExceptionKey = "exception";
    public const string VersionKey = "version";

    /// <summary>The payload a button carries.</summary>
    public static IReadOnlyDictionary<string, string> ToData(CardAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { [VerbKey] = LedgerVocabulary.ToCode(action.Verb) };
        if (action.ExceptionId is { } id)
        {
            data[ExceptionKey] = id.ToString(CultureInfo.InvariantCulture);
        }
        if (action.ExceptionVersion is { } version)
        {
            data[VersionKey] = version.ToString(CultureInfo.InvariantCulture);
        }
        foreach (var (key, value) in action.Data)
        {
            data.TryAdd(key, value);
        }
        return data;
    }

    /// <summary>Reads a payload back; false when the verb is missing or unknown, or the ids are not numbers.</summary>
    public static bool TryRead(IReadOnlyDictionary<string, string?> data, out ActionVerb verb, out long? exceptionId, out int? version)
    {
        ArgumentNullException.ThrowIfNull(data);
        verb = default;
        exceptionId = null;
        version = null;
        if (!data.TryGetValue(VerbKey, out var code) || code is null || !LedgerVocabulary.TryParse(code, out verb))
        {
            return false;
        }
        if (data.TryGetValue(ExceptionKey, out var idText) && !string.IsNullOrEmpty(idText))
        {
            if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return false;
            }
            exceptionId = id;
        }
        if (data.TryGetValue(VersionKey, out var versionText) && !string.IsNullOrEmpty(versionText))
        {
            if (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            {
                return false;
            }
            version = v;
        }
        return true;
    }
}
