namespace Allometry.Adapters.Ledger.Aging;

/// <summary>
/// Keeps invoice ids unique within one export without losing the printed number: a credit memo
/// numbered like an invoice becomes <c>1037-credit-memo</c>, a third clash <c>1037-credit-memo-2</c>.
/// Deterministic, so a re-import of the same file yields the same ids.
/// </summary>
internal sealed class UniqueIds
{
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    public string Claim(string preferred, string? qualifier = null)
    {
        if (_taken.Add(preferred)) return preferred;
        var qualified = string.IsNullOrEmpty(qualifier) ? preferred : $"{preferred}-{qualifier}";
        if (_taken.Add(qualified)) return qualified;
        for (var n = 2; ; n++)
        {
            var candidate = $"{qualified}-{n}";
            if (_taken.Add(candidate)) return candidate;
        }
    }
}
