namespace Allometry.Core.Cards;

/// <summary>How a series is best drawn; Teams has native charts, Slack and the terminal get text bars.</summary>
public enum ChartKind { VerticalBar, HorizontalBar, Donut, Line }
