namespace Allometry.Adapters.Slack.Tests.BlockKit;

using System.Text.Json.Nodes;
using Allometry.Adapters.Slack.BlockKit;
using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Conversations;
using Allometry.Core.Localization;
using Allometry.Core.People;

public sealed class BlockKitRendererTests
{
    public static TheoryData<string> SampleNames() => [.. CardSamples.All().Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Render_EverySample_KeepsEveryBlockKitLimit(string name)
    {
        var card = CardSamples.All().Single(s => s.Name == name).Card;

        var message = BlockKitRenderer.Render(card).ToJson();

        BlockKitLimitAssert.Message(message);
    }

    [Fact]
    public void Render_ExceptionCard_HeaderFieldsScoreContextButtonsAndOverflow()
    {
        var card = CardSamples.Exception(Language.En, Role.Finance);

        var blocks = BlockKitRenderer.Render(card).Blocks;

        Assert.Equal("header", Type(blocks[0]));
        Assert.Equal("High · Retainage never invoiced", blocks[0]!["text"]!["text"]!.GetValue<string>());
        Assert.Contains(blocks, b => Type(b) == "section" && b!["fields"] is JsonArray f && f.Any(x => Text(x).Contains("*Payer*\nConstruction Boréal (P-001)", StringComparison.Ordinal)));
        Assert.Contains(blocks, b => Type(b) == "context" && Text(b!["elements"]![1]).StartsWith("*F2 Payment history* 14/20 — 52 days late on average", StringComparison.Ordinal));
        var elements = Elements(blocks);
        Assert.Contains(elements, e => Type(e) == "button" && Text(e["text"]) == "Escalate");
        var overflow = elements.Where(e => Type(e) == "overflow").ToList();
        Assert.NotEmpty(overflow);
        Assert.Contains(overflow.SelectMany(o => o["options"]!.AsArray()), o => Text(o!["text"]) == "Add a note");
        // Secondary actions go to overflow menus, primary ones stay buttons.
        Assert.DoesNotContain(elements, e => Type(e) == "button" && Text(e["text"]) == "Add a note");
    }

    [Fact]
    public void Render_FrenchException_ScoreWithADecimalComma()
    {
        var blocks = BlockKitRenderer.Render(CardSamples.Exception(Language.Fr, Role.Finance)).Blocks;

        var score = blocks.Single(b => Type(b) == "context" && Text(b!["elements"]![0]).StartsWith("*Risque du payeur*", StringComparison.Ordinal));
        Assert.Equal("*Risque du payeur* 62,5/100 · Élevé", Text(score!["elements"]![0]));
        Assert.StartsWith("*F2 Historique de paiement* 14/20 — 52 jours de retard en moyenne", Text(score["elements"]![1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EveryElement_CarriesTheCompactPayloadOfItsAction()
    {
        var card = CardSamples.Exception(Language.Fr, Role.Finance);

        var elements = Elements(BlockKitRenderer.Render(card).Blocks);

        var values = elements.SelectMany(e => Type(e) == "button" ? [e["value"]!.GetValue<string>()] : e["options"]!.AsArray().Select(o => o!["value"]!.GetValue<string>())).ToList();
        Assert.Equal(card.Actions.Count, values.Count);
        foreach (var action in card.Actions)
        {
            var expected = CardActionPayload.ToData(action);
            Assert.Contains(values, v => BlockKitActionValue.TryRead(v, out var read) && read.Count == expected.Count
                && expected.All(p => read.TryGetValue(p.Key, out var x) && x == p.Value));
        }
        Assert.All(values, v => Assert.DoesNotContain(" ", v, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_ActionIds_UniqueAndNamedByVerb()
    {
        var card = CardSamples.Exception(Language.En, Role.Finance);

        var ids = Elements(BlockKitRenderer.Render(card).Blocks).Select(e => e["action_id"]!.GetValue<string>()).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(ids, id => id.StartsWith("act:release_retainage:", StringComparison.Ordinal));
        Assert.Contains(ids, id => id.StartsWith("more:", StringComparison.Ordinal));
        Assert.All(ids, id => Assert.Matches("^(act:[a-z_]+|more):[0-9]+$", id));
    }

    [Fact]
    public void Render_ReleaseRetainage_ButtonAsksForConfirmationInDangerStyle()
    {
        var card = CardSamples.Exception(Language.Fr, Role.Finance);

        var release = Elements(BlockKitRenderer.Render(card).Blocks).Single(e => e["action_id"]!.GetValue<string>().StartsWith("act:release_retainage:", StringComparison.Ordinal));

        Assert.Equal("danger", release["style"]!.GetValue<string>());
        var confirm = release["confirm"]!;
        Assert.Equal("danger", confirm["style"]!.GetValue<string>());
        Assert.Contains("12\u00A0345,67\u00A0$", Text(confirm["text"]), StringComparison.Ordinal);
        Assert.Equal("Confirmer", Text(confirm["confirm"]));
        Assert.Equal("Annuler", Text(confirm["deny"]));
    }

    [Fact]
    public void Render_OversizedException_CutsWithEllipsisAndKeepsTheActions()
    {
        var card = CardSamples.OversizedException(Language.En);

        var message = BlockKitRenderer.Render(card);

        BlockKitLimitAssert.Message(message.ToJson());
        var detail = Text(message.Blocks[1]!["text"]);
        Assert.InRange(detail.Length, BlockKitLimits.SectionText - 6, BlockKitLimits.SectionText);
        Assert.EndsWith("…", detail, StringComparison.Ordinal);
        Assert.Contains("Holdback &amp; retenue &lt;detail&gt;", detail, StringComparison.Ordinal);
        var header = Text(message.Blocks[0]!["text"]);
        Assert.Equal(BlockKitLimits.HeaderText, header.Length);
        var buttons = Elements(message.Blocks).Where(e => Type(e) == "button").ToList();
        var longButton = Text(buttons[0]["text"]);
        Assert.Equal(BlockKitLimits.ButtonText, longButton.Length);
        Assert.Equal(new string('B', 74) + "…", longButton);
        Assert.Contains(buttons, b => Text(b["text"]) == "Extra 29");
        Assert.Contains(message.Blocks, b => Type(b) == "section" && b!["text"] is { } t && Text(t).Contains("… and ", StringComparison.Ordinal));
        var fields = message.Blocks.Where(b => b!["fields"] is not null).ToList();
        Assert.Equal(2, fields.Count);
        Assert.Equal(10, fields[0]!["fields"]!.AsArray().Count);
    }

    [Fact]
    public void Render_DigestOf80_SaysHowManyMoreAndOffersTheFullQueue()
    {
        var card = CardSamples.Digest(Language.Fr, 80);

        var message = BlockKitRenderer.Render(card);

        Assert.Equal(BlockKitLimits.MessageBlocks, message.Blocks.Count);
        var sectionsWithItems = message.Blocks.Count(b => Type(b) == "section" && b!["accessory"] is not null);
        var note = message.Blocks.Single(b => Type(b) == "context");
        Assert.Contains($"et {card.Items.Count - sectionsWithItems} de plus", Text(note!["elements"]![0]), StringComparison.Ordinal);
        var showMore = Assert.Single(Elements(message.Blocks), e => Type(e) == "button" && Text(e["text"]) == "Voir toute la file");
        Assert.True(BlockKitActionValue.TryRead(showMore["value"]!.GetValue<string>(), out var payload));
        Assert.Equal("ask", payload["verb"]);
        Assert.Equal("queue", payload["question"]);
    }

    [Fact]
    public void Render_SmallDigest_EveryLineWithItsOpenButtonAndNoShowMore()
    {
        var card = CardSamples.Digest(Language.En, 5);

        var message = BlockKitRenderer.Render(card);

        var lines = message.Blocks.Where(b => Type(b) == "section" && b!["accessory"] is not null).ToList();
        Assert.Equal(card.Items.Count, lines.Count);
        Assert.All(lines, l => Assert.Equal("Open", Text(l!["accessory"]!["text"])));
        Assert.DoesNotContain(message.Blocks, b => Type(b) == "actions");
    }

    [Fact]
    public void Render_AnswerWith2000Rows_ListsWhatFitsAndCountsTheRestInRows()
    {
        var card = CardSamples.Answer(Language.En, invoices: 3) with
        {
            Citations = [.. Enumerable.Range(0, 2000).Select(i => new CitedRow("invoices", $"INV-{i:00000}", new string('d', 150), "$1.00"))],
            MoreRows = 7,
        };

        var message = BlockKitRenderer.Render(card);

        BlockKitLimitAssert.Message(message.ToJson());
        var listed = message.Blocks.Where(b => b!["text"] is { } t && Text(t).StartsWith("`invoices INV-", StringComparison.Ordinal))
            .Sum(b => Text(b!["text"]).Split('\n').Length);
        var note = Text(message.Blocks.Last(b => Type(b) == "context")!["elements"]![0]);
        Assert.Equal($"_… and {2000 - listed + 7} more, not shown here_", note);
        Assert.InRange(listed, 100, 1999);
    }

    [Fact]
    public void Render_WeeklySummary_ChartAsTextBarsAndFrenchMoney()
    {
        var card = CardSamples.Weekly(Language.Fr);

        var message = BlockKitRenderer.Render(card);

        var chart = message.Blocks.Select(b => b!["text"] is { } t ? Text(t) : "").Single(t => t.Contains("```", StringComparison.Ordinal));
        Assert.Contains("████████████████████ 500\u00A0000,00\u00A0$", chart, StringComparison.Ordinal);
        // 200 000 of a 500 000 maximum: 8 of 20 cells, padded so the values line up.
        Assert.Contains("████████" + new string(' ', 13) + "200\u00A0000,00\u00A0$", chart, StringComparison.Ordinal);
        Assert.Contains(message.Blocks, b => b!["fields"] is JsonArray f && f.Any(x => Text(x).Contains("*Comptes clients*\n1\u00A0043\u00A0511,04\u00A0$ (+12\u00A0300,00\u00A0$)", StringComparison.Ordinal)));
        Assert.Contains(message.Blocks, b => Type(b) == "section" && b!["text"] is { } t && Text(t).Contains("• Boréal &amp; associés", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_ErrorNotice_ShowsTheReferenceInTheLanguage()
    {
        var message = BlockKitRenderer.Render(Core.Cards.Building.NoticeCards.Error(Language.Fr, "ref-7f3a"));

        Assert.Contains(":x: *Une erreur s'est produite*", Text(message.Blocks[0]!["text"]), StringComparison.Ordinal);
        Assert.Equal("Référence : `ref-7f3a`", Text(message.Blocks[1]!["elements"]![0]));
        Assert.EndsWith("(ref-7f3a)", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ChoiceList_OneButtonPerChoiceAndCountsTheOnesThatDoNotFit()
    {
        var small = CardSamples.All().Single(s => s.Name == "choices_en").Card;
        var big = CardSamples.All().Single(s => s.Name == "choices_oversized_en").Card;

        var smallButtons = Elements(BlockKitRenderer.Render(small).Blocks);
        var bigMessage = BlockKitRenderer.Render(big);

        Assert.Equal(4, smallButtons.Count);
        Assert.All(smallButtons, b => Assert.StartsWith("act:ask:", b["action_id"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Contains(bigMessage.Blocks, b => Type(b) == "context" && Text(b!["elements"]![0]).Contains("more", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_PayloadLongerThanAButtonValue_LeavesTheActionOut()
    {
        var card = new Core.Cards.NoticeCard
        {
            Language = Language.En, Kind = NoticeKind.Information, Title = "t", FallbackText = "t",
            Actions =
            [
                new CardAction { Verb = ActionVerb.Ask, Title = "Too long", Data = new Dictionary<string, string> { ["question"] = new string('q', 2100) } },
                new CardAction { Verb = ActionVerb.Ask, Title = "Fine", Data = new Dictionary<string, string> { ["question"] = "queue" } },
            ],
        };

        var elements = Elements(BlockKitRenderer.Render(card).Blocks);

        Assert.Equal("Fine", Text(Assert.Single(elements)["text"]));
    }

    internal static string Type(JsonNode? node) => node!["type"]!.GetValue<string>();

    internal static string Text(JsonNode? node) => node!["text"]!.GetValue<string>();

    internal static List<JsonObject> Elements(JsonArray blocks) =>
    [
        .. blocks.Where(b => Type(b) == "actions").SelectMany(b => b!["elements"]!.AsArray()).Select(e => e!.AsObject()),
        .. blocks.Where(b => b!["accessory"] is not null).Select(b => b!["accessory"]!.AsObject()),
    ];
}
