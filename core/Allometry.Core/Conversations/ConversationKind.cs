namespace Allometry.Core.Conversations;

/// <summary>What sort of conversation the bot is in: it decides who a reply is composed for and who sees it.</summary>
public enum ConversationKind
{
    /// <summary>One person and the bot (Teams personal scope, Slack IM, web chat).</summary>
    Personal,
    /// <summary>A team channel (Teams channel, Slack public or private channel).</summary>
    Channel,
    /// <summary>A group chat (Teams group chat, Slack multi-person IM).</summary>
    Group,
}
