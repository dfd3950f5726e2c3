namespace Allometry.Adapters.Teams.Cards;

using System.Text.RegularExpressions;

/// <summary>
/// Adaptive Card input ids must be unique in the whole card, ShowCards included, yet several actions
/// of one card ask for the same argument (every snooze has a <c>reason</c>, promise and release both
/// have <c>amount</c> and <c>date</c>). Each action's inputs are therefore scoped,
/// <c>{verb}{n}.{CardInput.Id}</c> (<c>record_promise6.amount</c>), and <see cref="Unscope"/> turns
/// the submitted values back into <see cref="Allometry.Core.Cards.CardInput.Id"/> keys before they
/// reach the conversation core. A click only submits the inputs of its own ShowCard, so unscoping
/// never merges two actions' values.
/// </summary>
internal static partial class AdaptiveInputIds
{
    /// <summary>The id of input <paramref name="inputId"/> of the <paramref name="scope"/>-th action with inputs.</summary>
    public static string Scoped(string verbCode, int scope, string inputId) =>
        $"{verbCode}{scope.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{inputId}";

    /// <summary>
    /// The submitted data with scoped input ids replaced by their <c>CardInput.Id</c>. A button's own
    /// payload keys (verb, exception, version, presets) win over an input of the same name.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Unscope(IReadOnlyDictionary<string, string?> submitted)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in submitted)
        {
            if (!ScopedPattern().IsMatch(key)) result[key] = value;
        }
        foreach (var (key, value) in submitted)
        {
            if (ScopedPattern().Match(key) is { Success: true } match) result.TryAdd(match.Groups["id"].Value, value);
        }
        return result;
    }

    [GeneratedRegex(@"^[a-z_]+[0-9]+\.(?<id>[A-Za-z_][A-Za-z0-9_]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ScopedPattern();
}
