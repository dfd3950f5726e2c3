namespace Allometry.Adapters.Slack.Tests.BlockKit;

using System.Text.Json.Nodes;
using Allometry.Adapters.Slack.BlockKit;

public sealed class ViewStateReaderTests
{
    [Fact]
    public void Read_EveryElementKind_ValueByActionId()
    {
        var state = JsonNode.Parse("""
            {
              "input:until": {"until": {"type": "datepicker", "selected_date": "2026-11-24"}},
              "input:note": {"note": {"type": "plain_text_input", "value": "Waiting for the cheque"}},
              "input:payer": {"payer": {"type": "static_select", "selected_option": {"text": {"type": "plain_text", "text": "Laval", "emoji": true}, "value": "P-013"}}},
              "input:reason": {"reason": {"type": "plain_text_input", "value": null}},
              "input:tags": {"tags": {"type": "checkboxes", "selected_options": [{"value": "a"}, {"value": "b"}]}},
              "input:none": {"none": {"type": "static_select", "selected_option": null}}
            }
            """);

        var values = ViewStateReader.Read(state);

        Assert.Equal("2026-11-24", values["until"]);
        Assert.Equal("Waiting for the cheque", values["note"]);
        Assert.Equal("P-013", values["payer"]);
        Assert.Null(values["reason"]);
        Assert.Equal("a,b", values["tags"]);
        Assert.Null(values["none"]);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"b": []}""")]
    [InlineData("""{"b": {"a": "text"}}""")]
    public void Read_MalformedState_ThrowsFormatException(string state)
    {
        Assert.Throws<FormatException>(() => ViewStateReader.Read(JsonNode.Parse(state)));
    }
}
