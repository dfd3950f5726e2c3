namespace Allometry.Adapters.DirectLine.Endpoints;

using Microsoft.Extensions.Options;

/// <summary>
/// Where Web Chat's browser bundle is: the configured path, or <c>node_modules/botframework-webchat/dist/webchat.js</c>
/// above the working directory or the application (installed by <c>./allometry</c> with <c>npm ci</c>).
/// Missing → the host refuses to start the web channel and says how to install it.
/// </summary>
internal sealed class WebChatBundle
{
    public WebChatBundle(IOptions<DirectLineOptions> options)
    {
        Path = Locate(options.Value.WebChatScript) ?? throw new InvalidOperationException(
            "DirectLine:WebChatScript: Web Chat's bundle (node_modules/botframework-webchat/dist/webchat.js) was not found; run `npm ci` at the repository root "
            + "/ le paquet Web Chat est introuvable ; lancez `npm ci` à la racine du dépôt.");
    }

    public string Path { get; }

    private static string? Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? System.IO.Path.GetFullPath(configured) : null;
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "node_modules", "botframework-webchat", "dist", "webchat.js");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
