namespace Allometry.Core.Cards;

using System.Text.Json.Serialization;
using Allometry.Core.Localization;

/// <summary>
/// A channel-neutral view model: what a person should read and what they can do, already in their
/// language (<see cref="Language"/>) with money formatted for it. Adapters render cards as
/// Adaptive Cards, Block Kit or terminal text; they never compute or translate.
/// </summary>
/// <remarks>
/// Cards round-trip through JSON (the outbox stores the card it will post) with a <c>card</c>
/// discriminator naming the kind.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "card")]
[JsonDerivedType(typeof(ExceptionCard), "exception")]
[JsonDerivedType(typeof(AnswerCard), "answer")]
[JsonDerivedType(typeof(DigestCard), "digest")]
[JsonDerivedType(typeof(WeeklySummaryCard), "weekly_summary")]
[JsonDerivedType(typeof(NoticeCard), "notice")]
[JsonDerivedType(typeof(ChoiceListCard), "choices")]
public abstract record Card
{
    public required Language Language { get; init; }

    /// <summary>One line for notifications, screen readers and clients that cannot render cards.</summary>
    public required string FallbackText { get; init; }
}
