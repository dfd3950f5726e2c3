namespace Allometry.Adapters.Slack.Tests.BlockKit.TypeCheck;

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Allometry.Adapters.Slack.BlockKit;
using Allometry.Core.Cards;

/// <summary>
/// Every rendered message and modal — each card kind, English and French, ordinary and oversized,
/// and the modal of every action with inputs — written as TypeScript typed with the official
/// <c>@slack/types</c> and checked by one <c>tsc --noEmit</c> run.
/// </summary>
public sealed class BlockKitTypeCheckTests : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("allometry-blockkit-ts-");

    [Fact]
    public async Task Tsc_EveryRenderedMessageAndModal_TypeChecksAgainstSlackTypes()
    {
        var files = 0;
        var modals = 0;
        foreach (var (name, card) in CardSamples.All())
        {
            var ts = new StringBuilder("import type { KnownBlock, View } from '@slack/types';\n\n");
            var message = BlockKitRenderer.Render(card).ToJson();
            ts.Append("export const message: { text: string; blocks: KnownBlock[] } = ").Append(message.ToJsonString(Json)).Append(";\n");
            foreach (var (action, i) in Actions(card).Select((a, i) => (a, i)).Where(x => x.a.Inputs.Count > 0))
            {
                var view = BlockKitRenderer.RenderModal(action, card.Language, new ModalOrigin("C111", "111.222", "https://hooks.example/actions/T1/1/x"));
                ts.Append($"export const modal{i}: View = ").Append(view.ToJsonString(Json)).Append(";\n");
                modals++;
            }
            await File.WriteAllTextAsync(Path.Combine(_folder.FullName, $"{name}.ts"), ts.ToString());
            files++;
        }
        // The control: shapes Slack refuses must fail the same run, or the check proves nothing.
        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "control.ts"), """
            import type { KnownBlock, View } from '@slack/types';
            // @ts-expect-error a button's text is a text object, not a string
            export const badButton: KnownBlock[] = [{ type: 'actions', elements: [{ type: 'button', text: 'Snooze', action_id: 'a' }] }];
            // @ts-expect-error a modal needs a title
            export const badModal: View = { type: 'modal', blocks: [] };
            // @ts-expect-error header text is plain_text only
            export const badHeader: KnownBlock = { type: 'header', text: { type: 'mrkdwn', text: '*x*' } };
            """);

        var (exitCode, output) = await TypeScriptCheck.RunAsync(_folder.FullName);

        Assert.True(exitCode == 0, $"tsc refused the generated Block Kit ({files} files):\n{output}");
        Assert.Equal(26, files);
        Assert.True(modals >= 20, $"only {modals} modals were checked");
    }

    public void Dispose()
    {
        // tsc's output names each failing file (the sample's name) and position, so nothing needs keeping.
        _folder.Delete(recursive: true);
    }

    private static IReadOnlyList<CardAction> Actions(Card card) => card switch
    {
        ExceptionCard c => c.Actions,
        AnswerCard c => c.Actions,
        NoticeCard c => c.Actions,
        WeeklySummaryCard c => c.Actions,
        ChoiceListCard c => c.Choices,
        DigestCard c => [.. c.Items.SelectMany(i => i.Actions)],
        _ => [],
    };
}
