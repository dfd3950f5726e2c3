namespace Allometry.Bot.Cli;

using System.CommandLine;
using Allometry.Core.Localization;

/// <summary>Options several commands share, and how their defaults are found.</summary>
internal static class CommonOptions
{
    public static Option<Language> Lang() => new("--lang")
    {
        Description = "Language of messages and reports: en or fr / langue des messages : en ou fr",
        DefaultValueFactory = _ => DefaultLanguage(),
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? null : result.Tokens[0].Value;
            switch (text?.Trim().ToLowerInvariant())
            {
                case "en" or "english" or "anglais": return Language.En;
                case "fr" or "french" or "français" or "francais": return Language.Fr;
                default:
                    result.AddError($"--lang must be en or fr (got '{text}') / --lang doit être en ou fr");
                    return Language.En;
            }
        },
    };

    public static Option<string?> Tenant(string? fallbackDescription = null) => new("--tenant")
    {
        Description = fallbackDescription ?? "Tenant id (lowercase letters, digits, hyphens)",
    };

    /// <summary>ALLOMETRY_LANG, else fr when the shell's LANG is French, else en.</summary>
    public static Language DefaultLanguage()
    {
        var configured = Environment.GetEnvironmentVariable("ALLOMETRY_LANG")
            ?? Environment.GetEnvironmentVariable("LANG")
            ?? "";
        return configured.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? Language.Fr : Language.En;
    }
}
