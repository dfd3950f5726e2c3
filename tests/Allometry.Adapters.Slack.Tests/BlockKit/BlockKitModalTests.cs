namespace Allometry.Adapters.Slack.Tests.BlockKit;

using System.Text.Json.Nodes;
using Allometry.Adapters.Slack.BlockKit;
using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Conversations;
using Allometry.Core.Localization;
using Allometry.Core.People;

public sealed class BlockKitModalTests
{
    public static TheoryData<string, int> ActionsWithInputs()
    {
        var data = new TheoryData<string, int>();
        foreach (var (name, card) in CardSamples.All().Where(s => s.Card is ExceptionCard))
        {
            var actions = ((ExceptionCard)card).Actions;
            for (var i = 0; i < actions.Count; i++)
            {
                if (actions[i].Inputs.Count > 0)
                {
                    data.Add(name, i);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ActionsWithInputs))]
    public void Build_EveryActionWithInputs_KeepsEveryModalLimit(string sample, int index)
    {
        var card = (ExceptionCard)CardSamples.All().Single(s => s.Name == sample).Card;

        var view = BlockKitRenderer.RenderModal(card.Actions[index], card.Language, new ModalOrigin("C111", "111.222", "https://hooks.example/actions/T1/1/x"));

        BlockKitLimitAssert.Modal(view);
        Assert.Equal(card.Actions[index].Inputs.Count, view["blocks"]!.AsArray().Count(b => b!["type"]!.GetValue<string>() == "input"));
    }

    [Fact]
    public void Build_ReleaseRetainage_AmountPrefilledDatePickerConfirmationAndFrenchButtons()
    {
        var release = CardSamples.Exception(Language.Fr, Role.Finance).Actions.Single(a => a.Verb == ActionVerb.ReleaseRetainage);

        var view = BlockKitModal.Build(release, Language.Fr);

        Assert.Equal(BlockKitModal.CallbackId, view["callback_id"]!.GetValue<string>());
        Assert.Equal("Marquer la retenue libé…", view["title"]!["text"]!.GetValue<string>());
        Assert.Equal("Confirmer", view["submit"]!["text"]!.GetValue<string>());
        Assert.Equal("Annuler", view["close"]!["text"]!.GetValue<string>());
        var blocks = view["blocks"]!.AsArray();
        Assert.Contains("12\u00A0345,67\u00A0$", blocks[0]!["text"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var amount = Input(blocks, "amount");
        Assert.Equal("plain_text_input", amount["element"]!["type"]!.GetValue<string>());
        Assert.Equal("12345.67", amount["element"]!["initial_value"]!.GetValue<string>());
        Assert.Equal("amount", amount["element"]!["action_id"]!.GetValue<string>());
        Assert.False(amount["optional"]!.GetValue<bool>());
        Assert.Equal("Par exemple 1 234,56", amount["hint"]!["text"]!.GetValue<string>());
        Assert.Equal("datepicker", Input(blocks, "date")["element"]!["type"]!.GetValue<string>());
        var metadata = JsonNode.Parse(view["private_metadata"]!.GetValue<string>())!;
        Assert.Equal("release_retainage", metadata["payload"]!["verb"]!.GetValue<string>());
        Assert.Equal("42", metadata["payload"]!["exception"]!.GetValue<string>());
        Assert.Equal("4", metadata["payload"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public void Build_Reroute_StaticSelectOfTheEntityGraphChoices()
    {
        var reroute = CardSamples.Exception(Language.En, Role.Finance).Actions.Single(a => a.Verb == ActionVerb.Reroute);

        var view = BlockKitModal.Build(reroute, Language.En);

        var element = Input(view["blocks"]!.AsArray(), "payer")["element"]!;
        Assert.Equal("static_select", element["type"]!.GetValue<string>());
        Assert.Equal(["P-013", "P-014"], element["options"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()));
        Assert.Equal("Smith & Sons <East>", element["options"]![1]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Build_NoteAndSnoozeUntil_MultilineTextAndOptionalReason()
    {
        var actions = CardSamples.Exception(Language.En, Role.Finance).Actions;
        var note = actions.Single(a => a.Verb == ActionVerb.AddNote);
        var until = actions.Single(a => a.Verb == ActionVerb.Snooze && a.Inputs.Any(i => i.Id == "until"));

        var noteView = BlockKitModal.Build(note, Language.En);
        var untilView = BlockKitModal.Build(until, Language.En);

        Assert.True(Input(noteView["blocks"]!.AsArray(), "note")["element"]!["multiline"]!.GetValue<bool>());
        Assert.Equal("datepicker", Input(untilView["blocks"]!.AsArray(), "until")["element"]!["type"]!.GetValue<string>());
        Assert.True(Input(untilView["blocks"]!.AsArray(), "reason")["optional"]!.GetValue<bool>());
        Assert.Equal("Submit", untilView["submit"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Build_ChoiceWith150Options_First100AndAHint()
    {
        var action = new CardAction
        {
            Verb = ActionVerb.Reroute, Title = "Re-route", ExceptionId = 1, ExceptionVersion = 1,
            Inputs = [new CardInput { Id = "payer", Kind = CardInputKind.Choice, Label = "Payer", Required = true, Choices = [.. Enumerable.Range(0, 150).Select(i => new CardChoice(new string('n', 90) + i, $"P-{i}"))] }],
        };

        var view = BlockKitModal.Build(action, Language.En);

        BlockKitLimitAssert.Modal(view);
        var block = Input(view["blocks"]!.AsArray(), "payer");
        Assert.Equal(100, block["element"]!["options"]!.AsArray().Count);
        Assert.Equal("Showing the first 100 of 150.", block["hint"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void ReadSubmission_ViewSubmissionPayload_MergesInputsIntoThePayloadAndKeepsTheOrigin()
    {
        var release = CardSamples.Exception(Language.En, Role.Finance).Actions.Single(a => a.Verb == ActionVerb.ReleaseRetainage);
        var opened = BlockKitModal.Build(release, Language.En, new ModalOrigin("C111", "111.222"));
        // The view as Slack sends it back in a view_submission: the opened view plus its id, hash and state.
        var submitted = opened.DeepClone().AsObject();
        submitted["id"] = "V0123";
        submitted["hash"] = "156772938.1827394";
        submitted["state"] = JsonNode.Parse("""
            {"values":{
              "input:amount":{"amount":{"type":"plain_text_input","value":"12000.00"}},
              "input:date":{"date":{"type":"datepicker","selected_date":"2026-11-21"}},
              "input:verb":{"verb":{"type":"plain_text_input","value":"dismiss"}}
            }}
            """);

        var submission = BlockKitRenderer.ReadSubmission(submitted);

        Assert.Equal("release_retainage", submission.Data[CardActionPayload.VerbKey]);
        Assert.Equal("42", submission.Data[CardActionPayload.ExceptionKey]);
        Assert.Equal("12000.00", submission.Data["amount"]);
        Assert.Equal("2026-11-21", submission.Data["date"]);
        Assert.True(CardActionPayload.TryRead(submission.Data, out var verb, out var id, out var version));
        Assert.Equal((ActionVerb.ReleaseRetainage, 42L, 4), (verb, id!.Value, version!.Value));
        Assert.Equal(new ModalOrigin("C111", "111.222"), submission.Origin);
    }

    [Theory]
    [InlineData("""{"callback_id":"someone_else","private_metadata":"{}"}""")]
    [InlineData("""{"callback_id":"allometry_action"}""")]
    [InlineData("""{"callback_id":"allometry_action","private_metadata":"not json"}""")]
    [InlineData("""{"callback_id":"allometry_action","private_metadata":"{\"payload\":{\"exception\":\"1\"}}"}""")]
    [InlineData("""{"callback_id":"allometry_action","private_metadata":"{\"payload\":{\"verb\":\"snooze\"}}","state":{"values":{"b":"x"}}}""")]
    public void ReadSubmission_ForeignOrMalformedView_Throws(string view)
    {
        Assert.Throws<FormatException>(() => BlockKitRenderer.ReadSubmission(JsonNode.Parse(view)!));
    }

    [Fact]
    public void InputErrors_RefusedInputs_ResponseActionErrorsKeyedByTheInputBlocks()
    {
        var reply = new ConversationReply { Cards = [], InputErrors = new Dictionary<string, string> { ["until"] = "The date must be in the future", ["amount"] = new string('x', 2500) } };

        var response = BlockKitRenderer.InputErrors(reply.InputErrors);

        Assert.Equal("errors", response["response_action"]!.GetValue<string>());
        Assert.Equal("The date must be in the future", response["errors"]!["input:until"]!.GetValue<string>());
        Assert.Equal(BlockKitLimits.InputHint, response["errors"]!["input:amount"]!.GetValue<string>().Length);
        var release = CardSamples.Exception(Language.En, Role.Finance).Actions.Single(a => a.Verb == ActionVerb.ReleaseRetainage);
        var blockIds = BlockKitModal.Build(release, Language.En)["blocks"]!.AsArray().Select(b => b!["block_id"]?.GetValue<string>()).ToList();
        Assert.Contains("input:amount", blockIds);
    }

    [Fact]
    public void InputErrors_WithTheView_ErrorAboutAMissingInputLandsOnTheFirstInput()
    {
        var until = CardSamples.Exception(Language.En, Role.Finance).Actions.Single(a => a.Verb == ActionVerb.Snooze && a.Inputs.Any(i => i.Id == "until"));
        var view = BlockKitModal.Build(until, Language.En);
        var errors = new Dictionary<string, string> { ["until"] = "The date must be in the future.", ["amount"] = "Not an amount." };

        var response = BlockKitRenderer.InputErrors(errors, view);

        var keyed = response["errors"]!.AsObject();
        Assert.Equal(["input:until"], keyed.Select(p => p.Key));
        Assert.Equal("The date must be in the future. Not an amount.", keyed["input:until"]!.GetValue<string>());
    }

    private static JsonNode Input(JsonArray blocks, string id) =>
        blocks.Single(b => b!["block_id"]?.GetValue<string>() == BlockKitModal.BlockIdFor(id))!;
}
