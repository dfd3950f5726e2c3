namespace Allometry.Bot.Serve;

using System.Text;
using Allometry.Adapters.Teams.Manifest;
using Allometry.Core.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

/// <summary>
/// <c>GET /privacy</c> and <c>GET /terms</c>: the pages the Teams app manifest names as the developer's
/// privacy statement and terms of use (<see cref="TeamsAppPackage.PrivacyPath"/>, <see cref="TeamsAppPackage.TermsPath"/>).
/// Public and static: no authentication, nothing read from the database or configuration, so they
/// can reveal nothing but their own text. French or English by <c>?lang=fr|en</c>, else <c>Accept-Language</c>.
/// </summary>
internal static class LegalPages
{
    public static IEndpointRouteBuilder MapLegalPages(this IEndpointRouteBuilder endpoints)
    {
        // Rendered once: the bytes never change while the process runs.
        var privacy = Pages(LegalPageTexts.Privacy);
        var terms = Pages(LegalPageTexts.Terms);
        endpoints.MapGet("/" + TeamsAppPackage.PrivacyPath, context => WriteAsync(context, privacy));
        endpoints.MapGet("/" + TeamsAppPackage.TermsPath, context => WriteAsync(context, terms));
        return endpoints;
    }

    /// <summary><c>?lang=fr|en</c> wins; else the highest-ranked of French or English in <c>Accept-Language</c>; else English.</summary>
    public static Language LanguageOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asked = request.Query["lang"].ToString();
        if (Pick(asked) is { } chosen) return chosen;
        var ranked = request.GetTypedHeaders().AcceptLanguage
            .Where(v => (v.Quality ?? 1d) > 0d)
            .OrderByDescending(v => v.Quality ?? 1d);
        foreach (var value in ranked)
        {
            if (Pick(value.Value.Value) is { } language) return language;
        }
        return Language.En;
    }

    private static Language? Pick(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var primary = tag.Split('-', '_')[0];
        if (primary.Equals("fr", StringComparison.OrdinalIgnoreCase)) return Language.Fr;
        if (primary.Equals("en", StringComparison.OrdinalIgnoreCase)) return Language.En;
        return null;
    }

    private static Dictionary<Language, byte[]> Pages(Func<Language, LegalPageTexts.Page> text) => new()
    {
        [Language.En] = Encoding.UTF8.GetBytes(LegalPageTexts.Html(text(Language.En), Language.En)),
        [Language.Fr] = Encoding.UTF8.GetBytes(LegalPageTexts.Html(text(Language.Fr), Language.Fr)),
    };

    private static Task WriteAsync(HttpContext context, Dictionary<Language, byte[]> pages)
    {
        var language = LanguageOf(context.Request);
        var body = pages[language];
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = body.Length;
        var headers = response.Headers;
        headers.ContentLanguage = language == Language.Fr ? "fr-CA" : "en-CA";
        headers[HeaderNames.Vary] = "Accept-Language";
        headers.CacheControl = "public, max-age=3600";
        headers.XContentTypeOptions = "nosniff";
        // Plain text and one inline style block: nothing else may load or run on the page.
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        headers["Referrer-Policy"] = "no-referrer";
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
