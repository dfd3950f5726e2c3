namespace Allometry.Adapters.Slack.BlockKit;

/// <summary>
/// Slack's Block Kit limits (protocols.md §4 and the Block Kit reference). Slack rejects a whole
/// message or view that breaks one (<c>invalid_blocks</c>), so the renderer cuts to them and says so
/// instead of losing the post.
/// </summary>
/// <remarks><see href="https://api.slack.com/reference/block-kit/blocks"/>, <see href="https://api.slack.com/reference/surfaces/views"/>.</remarks>
internal static class BlockKitLimits
{
    public const int MessageBlocks = 50;
    public const int ModalBlocks = 100;
    public const int MessageText = 40_000;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int FieldText = 2000;
    public const int HeaderText = 150;
    public const int ActionsElements = 25;
    public const int ContextElements = 10;
    /// <summary>A context element's text (not in the table; Slack's reference gives 2000 for text objects there).</summary>
    public const int ContextText = 2000;
    public const int BlockId = 255;
    public const int ActionId = 255;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int SelectOptions = 100;
    public const int OptionText = 75;
    public const int OptionValue = 150;
    public const int OverflowOptions = 5;
    public const int ConfirmTitle = 100;
    public const int ConfirmText = 300;
    public const int ConfirmButton = 30;
    public const int ModalTitle = 24;
    public const int ModalButton = 24;
    public const int PrivateMetadata = 3000;
    public const int CallbackId = 255;
    public const int InputLabel = 2000;
    public const int InputHint = 2000;
    public const int Placeholder = 150;
    /// <summary>The longest value a <c>plain_text_input</c> accepts.</summary>
    public const int PlainTextInputValue = 3000;
}
