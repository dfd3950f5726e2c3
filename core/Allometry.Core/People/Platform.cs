namespace Allometry.Core.People;

/// <summary>Where a person talks to Allometry.</summary>
public enum Platform { Teams, Slack, WebChat, Cli }
