namespace Allometry.Core.Conversations;

/// <summary>What a typed command asks for (everything else typed in chat is a question).</summary>
public enum ChatCommandKind
{
    /// <summary><c>help</c> / <c>aide</c>: the commands and the questions one can ask.</summary>
    Help,
    /// <summary><c>queue</c> / <c>ma file</c>: the speaker's risk-ranked exception cards.</summary>
    Queue,
    /// <summary><c>summary</c> / <c>sommaire</c>: a preview of the weekly executive summary.</summary>
    Summary,

    /// <summary>Post the morning digest here now: "digest", "morning digest", "sommaire du matin".</summary>
    Digest,
    /// <summary><c>subscribe morning 07:30 [zone]</c> / <c>abonner matin 07:30</c>: this conversation gets the morning digest.</summary>
    SubscribeMorning,
    /// <summary><c>subscribe weekly [monday 08:00] [zone]</c> / <c>abonner hebdo [lundi 08:00]</c>: the weekly summary.</summary>
    SubscribeWeekly,
    /// <summary><c>unsubscribe [morning|weekly]</c> / <c>désabonner [matin|hebdo]</c>: stop this conversation's digests.</summary>
    Unsubscribe,
    /// <summary><c>link &lt;email&gt;</c> / <c>lier &lt;courriel&gt;</c>: link the chat account to a user by verified email.</summary>
    Link,
    /// <summary><c>bind project &lt;code&gt;</c> / <c>lier projet &lt;code&gt;</c>: bind this channel to a project.</summary>
    BindProject,
    /// <summary><c>unbind project</c> / <c>délier projet</c>: the channel no longer stands for a project.</summary>
    UnbindProject,
}
