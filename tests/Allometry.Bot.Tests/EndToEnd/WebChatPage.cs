namespace Allometry.Bot.Tests.EndToEnd;

using Microsoft.Playwright;

/// <summary>The Web Chat page as a person uses it: type, wait for the bot, click a card's button, take a screenshot.</summary>
internal sealed class WebChatPage(IPage page)
{
    private const float Timeout = 30_000;

    public IPage Page { get; } = page;

    /// <summary>Every Adaptive Card in the transcript, the cards of inline forms (Action.ShowCard) included.</summary>
    public ILocator Cards => Page.Locator(".webchat__basic-transcript__activity .ac-adaptiveCard");

    /// <summary>The bot's messages: transcript activities holding a card.</summary>
    public ILocator BotMessages => Page.Locator(".webchat__basic-transcript__activity:has(.ac-adaptiveCard)");

    /// <summary>Sends <paramref name="text"/> and waits until the bot has answered with <paramref name="replies"/> more card(s).</summary>
    public async Task SayAsync(string text, int replies = 1)
    {
        var before = await BotMessages.CountAsync();
        var box = Page.Locator("[data-id=webchat-sendbox-input]");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
        await WaitForBotMessagesAsync(before + replies);
    }

    public async Task WaitForBotMessagesAsync(int count)
    {
        await Page.WaitForFunctionAsync(
            "n => document.querySelectorAll('.webchat__basic-transcript__activity .ac-adaptiveCard').length > 0 && " +
            "Array.from(document.querySelectorAll('.webchat__basic-transcript__activity')).filter(a => a.querySelector('.ac-adaptiveCard')).length >= n",
            count, new PageWaitForFunctionOptions { Timeout = Timeout });
    }

    /// <summary>Waits until the bot has stopped adding messages for a second (a queue answer is several cards).</summary>
    public async Task<int> WaitForQuietAsync()
    {
        var count = await BotMessages.CountAsync();
        for (var stable = 0; stable < 4;)
        {
            await Page.WaitForTimeoutAsync(250);
            var now = await BotMessages.CountAsync();
            stable = now == count ? stable + 1 : 0;
            count = now;
        }
        return count;
    }

    /// <summary>The text of the <paramref name="index"/>-th bot message (0 = oldest).</summary>
    public Task<string> BotMessageTextAsync(int index) => BotMessages.Nth(index).InnerTextAsync();

    /// <summary>Clicks the first button titled <paramref name="title"/> inside <paramref name="scope"/>.</summary>
    public static Task ClickAsync(ILocator scope, string title) =>
        scope.Locator(".ac-pushButton", new LocatorLocatorOptions { HasTextString = title }).First.ClickAsync(new LocatorClickOptions { Timeout = Timeout });

    /// <summary>Waits until <paramref name="scope"/> shows <paramref name="text"/>.</summary>
    public static Task WaitForTextAsync(ILocator scope, string text) =>
        scope.Filter(new LocatorFilterOptions { HasTextString = text }).First.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DemoWebChatHost.ArtifactsDirectory, name + ".png") });
}
