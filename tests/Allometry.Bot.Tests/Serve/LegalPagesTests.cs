namespace Allometry.Bot.Tests.Serve;

using System.Net;
using Allometry.Adapters.Teams.Manifest;
using Allometry.Bot.Serve;
using Allometry.Core.Localization;
using Allometry.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

/// <summary>The privacy statement and terms of use the Teams manifest points at, served by the real host.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LegalPagesTests(PostgresFixture postgres) : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("allometry-legal-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_home, recursive: true);
    }

    private Task<ServeHost> StartAsync() => ServeHost.StartAsync(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Allometry"] = postgres.ConnectionString,
        ["Allometry:Home"] = _home,
        ["urls"] = "http://127.0.0.1:0",
        ["Allometry:Scheduler:Enabled"] = "false",
    }).Build(), CancellationToken.None);

    [Theory]
    [InlineData("/privacy", null, "en-CA", "What Allometry reads")]
    [InlineData("/privacy?lang=fr", null, "fr-CA", "Ce qu&#39;Allometry lit")]
    [InlineData("/privacy", "fr-CA,fr;q=0.9,en;q=0.8", "fr-CA", "Où c&#39;est conservé")]
    [InlineData("/terms", null, "en-CA", "The figures")]
    [InlineData("/terms?lang=fr", "en-US", "fr-CA", "Les chiffres")]
    [InlineData("/terms", "de-DE,fr;q=0.5", "fr-CA", "conditions d&#39;utilisation")]
    public async Task Get_NoCredentials_AnswersTheStaticPageInTheAskedLanguage(string path, string? acceptLanguage, string expectedLanguage, string expectedText)
    {
        // Arrange
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.Addresses[0], path));
        if (acceptLanguage is not null) request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        // Act
        using var response = await _http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal([expectedLanguage], response.Content.Headers.ContentLanguage);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{expectedLanguage}\">", html, StringComparison.Ordinal);
        Assert.Contains(expectedText, html, StringComparison.Ordinal);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.StartsWith("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Get_PrivacyInBothLanguages_SaysWhatIsReadWhereItIsKeptForHowLongAndWhoToContact()
    {
        // Arrange
        await using var host = await StartAsync();

        // Act
        var en = await _http.GetStringAsync(new Uri(host.Addresses[0], "/privacy?lang=en"));
        var fr = await _http.GetStringAsync(new Uri(host.Addresses[0], "/privacy?lang=fr"));

        // Assert
        foreach (var expected in (string[])["accounts receivable", "Entra object id", "PostgreSQL", "Nothing is deleted automatically", "contact the administrator"])
            Assert.Contains(expected, en, StringComparison.Ordinal);
        foreach (var expected in (string[])["comptes clients", "identifiant d&#39;objet Entra", "PostgreSQL", "Rien n&#39;est effacé automatiquement", "adressez-vous à l&#39;administrateur"])
            Assert.Contains(expected, fr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PackagedManifest_DeveloperUrls_AreTheHostsOwnPages()
    {
        // Arrange: the package for a public host; its developer URLs' paths must be what the host serves.
        var manifest = TeamsAppPackage.Manifest(Guid.Parse("aabdbd62-bc97-4afb-83ee-575594577de5"), new Uri("https://allometry.contoso.ca/"));
        var privacy = new Uri(manifest["developer"]!["privacyUrl"]!.GetValue<string>());
        var terms = new Uri(manifest["developer"]!["termsOfUseUrl"]!.GetValue<string>());
        await using var host = await StartAsync();

        // Act
        using var privacyResponse = await _http.GetAsync(new Uri(host.Addresses[0], privacy.AbsolutePath));
        using var termsResponse = await _http.GetAsync(new Uri(host.Addresses[0], terms.AbsolutePath));

        // Assert
        Assert.Equal("allometry.contoso.ca", privacy.Host);
        Assert.Equal("allometry.contoso.ca", terms.Host);
        Assert.Equal(HttpStatusCode.OK, privacyResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, termsResponse.StatusCode);
        Assert.Contains("privacy statement", await privacyResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("terms of use", await termsResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", null, Language.En)]
    [InlineData("?lang=FR", null, Language.Fr)]
    [InlineData("?lang=en", "fr-CA", Language.En)]
    [InlineData("?lang=de", "fr-CA", Language.Fr)]
    [InlineData("", "en;q=0.4, fr-CA;q=0.8", Language.Fr)]
    [InlineData("", "fr;q=0, en;q=0.1", Language.En)]
    [InlineData("", "de-DE, es", Language.En)]
    public void LanguageOf_QueryThenAcceptLanguage_PicksFrenchOrEnglish(string query, string? acceptLanguage, Language expected)
    {
        // Arrange
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        if (acceptLanguage is not null) context.Request.Headers.AcceptLanguage = acceptLanguage;

        // Act
        var language = LegalPages.LanguageOf(context.Request);

        // Assert
        Assert.Equal(expected, language);
    }
}
