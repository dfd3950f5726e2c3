namespace Allometry.Adapters.Teams.Tests.Cards;

using System.Text.Json.Nodes;
using Allometry.Adapters.Teams.Cards;
using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Conversations;
using Allometry.Core.Localization;
using Allometry.Core.People;
using static Allometry.Adapters.Teams.Tests.Cards.JsonWalk;

public sealed class AdaptiveCardRendererTests
{
    private static readonly string[] Users = ["29:1uMVvhoAyfTqdMsyvHL0qlJTTfQF9MOUSI8", "29:17bUvCasIPKfQIXHvNzcPjD86fwm6GkWc1PvCGP2"];

    [Fact]
    public void Render_ExceptionUniversalActions_ExecuteCarriesVerbCodeAndPayloadWithSubmitFallback()
    {
        // Arrange
        var card = SampleCards.Exception(Language.En);
        var assign = card.Actions.Single(a => a.Verb == ActionVerb.AssignToMe);

        // Act
        var json = AdaptiveCardRenderer.Render(card, AdaptiveRenderOptions.Teams);

        // Assert
        var execute = Titled(json, "Action.Execute", "Assign to me");
        Assert.Equal("assign_to_me", execute.Str("verb"));
        var expected = CardActionPayload.ToData(assign);
        Assert.Equal(expected, ((JsonObject)execute["data"]!).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()));
        Assert.Equal("4211", execute["data"]!["exception"]!.GetValue<string>());
        Assert.Equal("3", execute["data"]!["version"]!.GetValue<string>());
        var fallback = (JsonObject)execute["fallback"]!;
        Assert.Equal("Action.Submit", fallback.Str("type"));
        Assert.True(JsonNode.DeepEquals(execute["data"], fallback["data"]));
    }

    [Fact]
    public void Render_ExceptionUniversalActions_RefreshRunsViewForTheGivenUsers()
    {
        // Arrange
        var card = SampleCards.Exception(Language.Fr, Role.ProjectManager);

        // Act
        var json = AdaptiveCardRenderer.Render(card, AdaptiveRenderOptions.Teams with { RefreshUserIds = Users });

        // Assert
        Assert.Equal("1.5", json.Str("version"));
        var refresh = (JsonObject)json["refresh"]!;
        Assert.Equal("Action.Execute", refresh["action"]!["type"]!.GetValue<string>());
        Assert.Equal("refresh", refresh["action"]!["verb"]!.GetValue<string>());
        Assert.Equal("view", refresh["action"]!["data"]!["verb"]!.GetValue<string>());
        Assert.Equal("4211", refresh["action"]!["data"]!["exception"]!.GetValue<string>());
        Assert.Equal(Users, refresh["userIds"]!.AsArray().Select(u => u!.GetValue<string>()));
    }

    [Fact]
    public void Render_SubmitOnly_NoExecuteNoRefreshNoTeamsProperty()
    {
        // Arrange
        var card = SampleCards.Exception(Language.En);

        // Act
        var json = AdaptiveCardRenderer.Render(card, AdaptiveRenderOptions.WebChat);

        // Assert
        Assert.Empty(OfType(json, "Action.Execute"));
        Assert.Null(json["refresh"]);
        Assert.Null(json["msteams"]);
        var snooze = Titled(json, "Action.Submit", "Snooze 3 days");
        Assert.Equal("snooze", snooze["data"]!["verb"]!.GetValue<string>());
        Assert.Equal("3", snooze["data"]!["days"]!.GetValue<string>());
    }

    [Fact]
    public void Render_PromiseAction_ShowCardHoldsAmountAndDateInputsAndItsButton()
    {
        // Arrange
        var card = SampleCards.Exception(Language.En);

        // Act
        var json = AdaptiveCardRenderer.Render(card, AdaptiveRenderOptions.Teams);

        // Assert
        var show = Titled(json, "Action.ShowCard", "Record a promise to pay");
        var inputs = Objects(show["card"]!["body"]).Where(o => o.Str("id") is not null).ToList();
        Assert.Equal(["Input.Text", "Input.Date"], inputs.Select(i => i.Str("type")));
        Assert.All(inputs, i => Assert.True(i["isRequired"]!.GetValue<bool>()));
        Assert.Equal(["amount", "date"], inputs.Select(i => AdaptiveInputIds.Unscope(new Dictionary<string, string?> { [i.Str("id")!] = "x" }).Keys.Single()));
        Assert.All(inputs, i => Assert.False(string.IsNullOrEmpty(i.Str("label"))));
        Assert.All(inputs, i => Assert.False(string.IsNullOrEmpty(i.Str("errorMessage"))));
        var button = Assert.Single(show["card"]!["actions"]!.AsArray());
        Assert.Equal("record_promise", button!["verb"]!.GetValue<string>());
    }

    [Fact]
    public void Render_EverySample_InputIdsAreUniqueAndUnscopeToCardInputIds()
    {
        foreach (var (name, card) in SampleCards.All())
        {
            // Arrange
            var declared = Actions(card).SelectMany(a => a.Inputs).Select(i => i.Id).Append("confirm").ToHashSet();

            // Act
            var json = AdaptiveCardRenderer.Render(card, AdaptiveRenderOptions.Teams);

            // Assert
            var ids = Objects(json).Where(o => o.Str("type")?.StartsWith("Input.", StringComparison.Ordinal) == true).Select(o => o.Str("id")!).ToList();
            Assert.True(ids.Count == ids.Distinct().Count(), $"{name}: duplicate input ids {string.Join(", ", ids)}");
            foreach (var id in ids)
            {
                var unscoped = AdaptiveInputIds.Unscope(new Dictionary<string, string?> { [id] = "v" }).Keys.Single();
                Assert.True(declared.Contains(unscoped), $"{name}: input {id} is not a CardInput id");
            }
        }
    }

    [Fact]
    public void Render_ReleaseRetainage_AsksForConfirmationWithARequiredToggle()
    {
        // Arrange
        var card = SampleCards.Exception(Language.Fr);
        var release = card.Actions.Single(a => a.Verb == ActionVerb.ReleaseRetainage);

        // Act
        var json = AdaptiveCardRenderer.Render(card, AdaptiveRenderOptions.Teams);

        // Assert
        var show = Titled(json, "Action.ShowCard", release.Title);
        var toggle = Assert.Single(OfType(show, "Input.Toggle"));
        Assert.True(toggle["isRequired"]!.GetValue<bool>());
        Assert.Equal(release.Confirmation, toggle.Str("label"));
        Assert.Equal("Je confirme", toggle.Str("title"));
        var amount = OfType(show, "Input.Text").Single();
        Assert.Equal("48250.75", amount.Str("value"));
        Assert.Equal("destructive", show.Str("style"));
    }

    [Fact]
    public void Render_Reroute_ChoiceSetListsTheLinkedEntities()
    {
        // Arrange
        var card = SampleCards.Exception(Language.En);

        // Act
        var json = AdaptiveCardRenderer.Render(card, AdaptiveRenderOptions.Teams);

        // Assert
        var choiceSet = Assert.Single(OfType(json, "Input.ChoiceSet"));
        Assert.Equal(SampleCards.Successors.Select(c => (c.Title, c.Value)),
            choiceSet["choices"]!.AsArray().Select(c => (c!["title"]!.GetValue<string>(), c["value"]!.GetValue<string>())));
    }

    [Fact]
    public void Render_MoreThanFiveActions_FirstPrimariesStayAndTheRestAreUnderMore()
    {
        // Arrange
        var card = SampleCards.Exception(Language.En);

        // Act
        var json = AdaptiveCardRenderer.Render(card, AdaptiveRenderOptions.Teams);

        // Assert
        var top = json["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(AdaptiveActionWriter.MaxActions, top.Count);
        Assert.Equal(card.Actions.Where(a => !a.Secondary).Take(4).Select(a => a.Title).Append("More…"), top);
        foreach (var action in card.Actions)
        {
            var count = Objects(json).Count(o => o.Str("title") == action.Title && o.Str("type") is "Action.Execute" or "Action.ShowCard");
            Assert.True(count >= 1, $"{action.Title} is missing");
        }
        Assert.All(OfType(json, "ActionSet"), set => Assert.True(set["actions"]!.AsArray().Count <= AdaptiveActionWriter.MaxActions));
    }

    [Fact]
    public void Render_FewActions_SecondaryOnesUseSecondaryMode()
    {
        // Arrange
        var card = SampleCards.Exception(Language.En) is var full ? full with { Actions = [.. full.Actions.Where(a => a.Verb is ActionVerb.AssignToMe or ActionVerb.AddNote)] } : null!;

        // Act
        var json = AdaptiveCardRenderer.Render(card, AdaptiveRenderOptions.Teams);

        // Assert
        var actions = json["actions"]!.AsArray();
        Assert.Equal(2, actions.Count);
        Assert.Null(actions[0]!["mode"]);
        Assert.Equal("secondary", actions[1]!["mode"]!.GetValue<string>());
    }

    [Fact]
    public void Render_ViewerRole_CardHasNoActions()
    {
        // Arrange
        var card = SampleCards.Exception(Language.En, Role.Viewer);

        // Act
        var json = AdaptiveCardRenderer.Render(card, AdaptiveRenderOptions.Teams);

        // Assert
        Assert.Empty(card.Actions);
        Assert.Null(json["actions"]);
        Assert.NotNull(json["refresh"]);
    }

    [Fact]
    public void Render_WeeklySummary_ChartElementCarriesExactValuesAndATextFallback()
    {
        // Arrange
        var card = SampleCards.WeeklyAllCharts(Language.En);
        var points = card.Charts[0].Points;

        // Act
        var json = AdaptiveCardRenderer.Render(card, AdaptiveRenderOptions.Teams);

        // Assert
        var bar = Assert.Single(OfType(json, "Chart.VerticalBar"));
        Assert.Equal(points.Select(p => (p.Label, p.Value)), bar["data"]!.AsArray().Select(d => (d!["x"]!.GetValue<string>(), d["y"]!.GetValue<decimal>())));
        var fallback = (JsonObject)bar["fallback"]!;
        Assert.Equal("Container", fallback.Str("type"));
        var fallbackText = string.Join(" ", OfType(fallback, "TextBlock").Select(t => t.Str("text")));
        Assert.All(points, p => Assert.Contains(p.ValueText, fallbackText, StringComparison.Ordinal));
        var donut = Assert.Single(OfType(json, "Chart.Donut"));
        Assert.Equal(points.Select(p => p.Label), donut["data"]!.AsArray().Select(d => d!["legend"]!.GetValue<string>()));
        Assert.Single(OfType(json, "Chart.HorizontalBar"));
        Assert.Single(OfType(json, "Chart.Line"));
        var table = Assert.Single(OfType(json, "Table"));
        Assert.Equal(card.Headlines.Count + 1, table["rows"]!.AsArray().Count);
    }

    [Fact]
    public void Render_Digest_EachRowOpensItsException()
    {
        // Arrange
        var card = SampleCards.Digest(Language.En);

        // Act
        var json = AdaptiveCardRenderer.Render(card, AdaptiveRenderOptions.Teams);

        // Assert
        var opens = Objects(json).Where(o => o["selectAction"] is not null).Select(o => (JsonObject)o["selectAction"]!).ToList();
        Assert.Equal(card.Items.Count, opens.Count);
        Assert.All(opens, o => Assert.Equal("view", o.Str("verb")));
        Assert.Equal(card.Items.Select(i => i.ExceptionIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture)),
            opens.Select(o => o["data"]!["exception"]!.GetValue<string>()));
    }

    [Fact]
    public void Render_ChoiceList_OneButtonPerChoiceCarryingTheResolvedQuestion()
    {
        // Arrange
        var card = SampleCards.Choices(Language.Fr);

        // Act
        var json = AdaptiveCardRenderer.Render(card, AdaptiveRenderOptions.WebChat);

        // Assert
        var buttons = OfType(json, "Action.Submit").ToList();
        Assert.Equal(card.Choices.Select(c => c.Title), buttons.Select(b => b.Str("title")));
        Assert.Equal(["P-013", "LV-220"], buttons.Select(b => b["data"]!["subject"]!.GetValue<string>()));
        Assert.All(buttons, b => Assert.Equal("ask", b["data"]!["verb"]!.GetValue<string>()));
    }

    [Fact]
    public void Render_ErrorNotice_ShowsTheReferenceId()
    {
        // Arrange
        var card = SampleCards.Notices(Language.Fr).Single(n => n.Kind == NoticeKind.Error);

        // Act
        var json = AdaptiveCardRenderer.Render(card, AdaptiveRenderOptions.Teams);

        // Assert
        Assert.Contains(OfType(json, "TextBlock"), t => t.Str("text") == "Référence : ERR-7F3A2C");
        Assert.Equal("attention", OfType(json, "Container").First().Str("style"));
    }

    [Fact]
    public void Attachment_AnyCard_ContentTypeAndFallbackText()
    {
        // Arrange
        var card = SampleCards.Answer(Language.En);

        // Act
        var attachment = AdaptiveCardRenderer.Attachment(card, AdaptiveRenderOptions.Teams);

        // Assert
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.Str("contentType"));
        Assert.Equal(card.FallbackText, attachment["content"]!["fallbackText"]!.GetValue<string>());
        Assert.Equal("Full", attachment["content"]!["msteams"]!["width"]!.GetValue<string>());
    }

    [Fact]
    public void Render_MoreThanSixtyRefreshUsers_ThrowsNamingTheLimit()
    {
        // Arrange
        var options = AdaptiveRenderOptions.Teams with { RefreshUserIds = [.. Enumerable.Range(0, 61).Select(i => $"29:{i}")] };

        // Act
        var error = Assert.Throws<ArgumentException>(() => AdaptiveCardRenderer.Render(SampleCards.Exception(Language.En), options));

        // Assert
        Assert.Contains("at most 60", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<CardAction> Actions(Card card) => card switch
    {
        ExceptionCard c => c.Actions,
        AnswerCard c => c.Actions,
        DigestCard c => c.Items.SelectMany(i => i.Actions),
        WeeklySummaryCard c => c.Actions,
        NoticeCard c => c.Actions,
        ChoiceListCard c => c.Choices,
        _ => [],
    };
}
