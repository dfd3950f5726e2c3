namespace Allometry.Adapters.DirectLine.Endpoints;

using System.Text.Json.Nodes;
using Allometry.Adapters.DirectLine.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

/// <summary>
/// The demo page: the real Web Chat bundle (served from the project's npm packages, no CDN), the
/// page around it, the people you can act as, and the token that makes you one of them. Served to
/// loopback callers only — choosing who you are is a demo affordance, not a sign-in.
/// </summary>
internal static class PageEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext c) => LocalOnly(c, () => Results.Redirect("/webchat" + c.Request.QueryString)));
        app.MapGet("/webchat", (HttpContext c) => LocalOnly(c, () => Asset("index.html", "text/html; charset=utf-8")));
        app.MapGet("/webchat/app.js", (HttpContext c) => LocalOnly(c, () => Asset("app.js", "text/javascript; charset=utf-8")));
        app.MapGet("/webchat/app.css", (HttpContext c) => LocalOnly(c, () => Asset("app.css", "text/css; charset=utf-8")));
        app.MapGet("/webchat/webchat.js", (HttpContext c, WebChatBundle bundle) => LocalOnly(c, () => Results.File(bundle.Path, "text/javascript; charset=utf-8")));
        app.MapGet("/webchat/personas", (HttpContext c, IOptions<DirectLineOptions> o) => LocalOnly(c, () => Results.Json(o.Value.Personas.Select(p =>
            new { id = p.Id, name = p.Name, role = p.Role, language = p.Language }))));
        app.MapPost("/webchat/token", IssueAsync);
    }

    private static async Task IssueAsync(HttpContext context, IOptions<DirectLineOptions> options, DirectLineTokenService tokens)
    {
        if (!HttpBodies.FromLoopback(context))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        var body = await HttpBodies.ReadObjectAsync(context, 4096).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }
        var id = (string?)body["persona"];
        var persona = options.Value.Personas.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
        if (persona is null)
        {
            await HttpBodies.ErrorAsync(context, StatusCodes.Status400BadRequest, "BadArgument", "Unknown persona / personne inconnue.").ConfigureAwait(false);
            return;
        }
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["token"] = tokens.Issue(persona.Id, persona.Name, conversationId: null), ["expires_in"] = (int)tokens.Lifetime.TotalSeconds,
        }).ConfigureAwait(false);
    }

    private static IResult LocalOnly(HttpContext context, Func<IResult> result)
    {
        if (!HttpBodies.FromLoopback(context))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return result();
    }

    private static IResult Asset(string name, string contentType)
    {
        var stream = typeof(PageEndpoints).Assembly.GetManifestResourceStream("Allometry.Adapters.DirectLine.Page." + name)
            ?? throw new InvalidOperationException($"The page asset {name} is missing from the assembly.");
        return Results.Stream(stream, contentType);
    }
}
