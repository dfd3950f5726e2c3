namespace Allometry.Adapters.Slack.Installations;

using System.Net;
using Allometry.Adapters.Slack.Configuration;
using Allometry.Adapters.Slack.WebApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>
/// "Add to Slack": <c>/slack/install</c> redirects to Slack's authorize page with the bot scopes and a
/// signed, expiring state; <c>/slack/oauth/callback</c> checks the state, exchanges the code with
/// <c>oauth.v2.access</c> and stores the workspace's bot token encrypted.
/// </summary>
/// <seealso href="https://api.slack.com/authentication/oauth-v2"/>
internal sealed partial class SlackOAuthFlow(
    SlackOptions options, OAuthState states, SlackWebApi api, SlackInstallationStore store, SlackTokenSource tokens, ILogger<SlackOAuthFlow> logger)
{
    private const string NonceCookie = "allometry_slack_oauth";

    public IResult Install(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (state, nonce) = states.Issue();
        context.Response.Cookies.Append(NonceCookie, nonce, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/slack",
            MaxAge = OAuthState.ValidFor,
        });
        var query = string.Join('&',
            "client_id=" + Uri.EscapeDataString(options.ClientId!),
            "scope=" + Uri.EscapeDataString(string.Join(',', SlackSurface.BotScopes)),
            "redirect_uri=" + Uri.EscapeDataString(RedirectUri),
            "state=" + Uri.EscapeDataString(state));
        return Results.Redirect(options.AuthorizeUrl.AbsoluteUri + "?" + query);
    }

    public async Task<IResult> CallbackAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query;
        context.Response.Cookies.Delete(NonceCookie, new CookieOptions { Path = "/slack" });
        if (!states.Accept(query["state"].ToString(), context.Request.Cookies[NonceCookie]))
        {
            return Page(HttpStatusCode.BadRequest, "This install link has expired or was not started here. Start again from the install page.",
                "Ce lien d'installation a expiré ou n'a pas été ouvert ici. Recommencez depuis la page d'installation.");
        }
        if (query.ContainsKey("error") || string.IsNullOrEmpty(query["code"]))
        {
            return Page(HttpStatusCode.OK, "The installation was cancelled; nothing was changed.", "L'installation a été annulée; rien n'a été modifié.");
        }
        try
        {
            var result = await api.OAuthAccessAsync(options.ClientId!, options.ClientSecret!, query["code"].ToString(), RedirectUri,
                context.RequestAborted).ConfigureAwait(false);
            var installation = new SlackInstallation(
                Inbound.SlackPayload.Str(result["team"]?["id"]) ?? throw new SlackApiException(SlackSurface.OAuthV2Access, "team_missing"),
                Inbound.SlackPayload.Str(result["enterprise"]?["id"]),
                Inbound.SlackPayload.Str(result["app_id"]) ?? string.Empty,
                Inbound.SlackPayload.Str(result["bot_user_id"]) ?? string.Empty,
                Inbound.SlackPayload.Str(result["scope"]) ?? string.Empty,
                Inbound.SlackPayload.Str(result["access_token"]) ?? throw new SlackApiException(SlackSurface.OAuthV2Access, "token_missing"),
                Inbound.SlackPayload.Str(result["authed_user"]?["id"]));
            await store.SaveAsync(installation, context.RequestAborted).ConfigureAwait(false);
            tokens.Forget(installation.TeamId);
            LogInstalled(logger, installation.TeamId);
            return Page(HttpStatusCode.OK, "Allometry is installed in your workspace. Mention @Allometry or type /allometry help.",
                "Allometry est installé dans votre espace de travail. Mentionnez @Allometry ou tapez /allometry help.");
        }
        catch (SlackApiException ex)
        {
            LogInstallFailed(logger, ex.Code);
            return Page(HttpStatusCode.BadGateway, $"Slack refused the installation ({ex.Code}). Start again from the install page.",
                $"Slack a refusé l'installation ({ex.Code}). Recommencez depuis la page d'installation.");
        }
    }

    private string RedirectUri => new Uri(options.PublicBaseUrl!, SlackSurface.OAuthCallbackPath).AbsoluteUri;

    private static IResult Page(HttpStatusCode status, string en, string fr) => Results.Content(
        $"<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Allometry</title><p>{WebUtility.HtmlEncode(en)}</p>"
        + $"<p lang=\"fr\">{WebUtility.HtmlEncode(fr)}</p></html>", "text/html; charset=utf-8", statusCode: (int)status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack app installed in workspace {TeamId}")]
    private static partial void LogInstalled(ILogger logger, string teamId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack install failed: {Error}")]
    private static partial void LogInstallFailed(ILogger logger, string error);
}
