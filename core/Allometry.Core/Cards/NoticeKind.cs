namespace Allometry.Core.Cards;

/// <summary>What a short notice is.</summary>
public enum NoticeKind { Confirmation, Information, Warning, Error }
