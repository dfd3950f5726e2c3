namespace Allometry.Adapters.Ledger.Workbook;

using System.Collections.Frozen;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>
/// Provinces, languages and currencies as people type them: the contract codes (<c>QC</c>,
/// <c>fr</c>, <c>CAD</c>) and the full English or French names a coordinator pastes.
/// </summary>
internal static class LedgerTokens
{
    private static readonly FrozenDictionary<string, Province> ProvinceNames = new Dictionary<string, Province>
    {
        ["alberta"] = Province.AB,
        ["british_columbia"] = Province.BC, ["colombie_britannique"] = Province.BC,
        ["manitoba"] = Province.MB,
        ["new_brunswick"] = Province.NB, ["nouveau_brunswick"] = Province.NB,
        ["newfoundland_and_labrador"] = Province.NL, ["terre_neuve_et_labrador"] = Province.NL,
        ["nova_scotia"] = Province.NS, ["nouvelle_ecosse"] = Province.NS,
        ["northwest_territories"] = Province.NT, ["territoires_du_nord_ouest"] = Province.NT,
        ["nunavut"] = Province.NU,
        ["ontario"] = Province.ON,
        ["prince_edward_island"] = Province.PE, ["ile_du_prince_edouard"] = Province.PE,
        ["quebec"] = Province.QC,
        ["saskatchewan"] = Province.SK,
        ["yukon"] = Province.YT,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Language> LanguageNames = new Dictionary<string, Language>
    {
        ["en"] = Language.En, ["eng"] = Language.En, ["english"] = Language.En, ["anglais"] = Language.En,
        ["fr"] = Language.Fr, ["fra"] = Language.Fr, ["fre"] = Language.Fr, ["french"] = Language.Fr, ["francais"] = Language.Fr,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool TryProvince(string text, out Province province) =>
        TryExactCode(text, out province) || LedgerVocabulary.TryParse(text, out province) || ProvinceNames.TryGetValue(WorkbookLayout.Normalize(text), out province);

    /// <summary>
    /// A cell spelled exactly as the contract code (<c>progress</c>, <c>QC</c>), as nearly every
    /// cell of a large sheet is: found without the allocations of the general parse. Anything
    /// else still goes to <see cref="LedgerVocabulary.TryParse{TEnum}(string?, out TEnum)"/>,
    /// which gives the same value for these exact spellings.
    /// </summary>
    public static bool TryExactCode<TEnum>(string text, out TEnum value) where TEnum : struct, Enum =>
        ExactCodes<TEnum>.ByCode.TryGetValue(text, out value);

    public static bool TryLanguage(string text, out Language language) =>
        LanguageNames.TryGetValue(WorkbookLayout.Normalize(text), out language);

    /// <summary>A three-letter ISO 4217 style code, upper-cased (<c>cad</c> → <c>CAD</c>).</summary>
    public static bool TryCurrency(string text, out string currency)
    {
        if (text.Length == 3 && !text.AsSpan().ContainsAnyExceptInRange('A', 'Z'))
        {
            // Already a trimmed upper-case code: the general path below would give it back unchanged.
            currency = text;
            return true;
        }
        var s = text.Trim();
        currency = s.ToUpperInvariant();
        return s.Length == 3 && s.All(char.IsAsciiLetter);
    }

    private static class ExactCodes<TEnum> where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<string, TEnum> ByCode = LedgerVocabulary.AllCodes<TEnum>()
            .ToFrozenDictionary(code => code, code => LedgerVocabulary.Parse<TEnum>(code), StringComparer.Ordinal);
    }
}
