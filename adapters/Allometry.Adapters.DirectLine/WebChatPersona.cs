namespace Allometry.Adapters.DirectLine;

/// <summary>Someone the demo page lets you act as: the web-chat user id is the person's email.</summary>
/// <param name="Id">The web-chat user id (the person's email, linked to the internal user).</param>
/// <param name="Name">The display name.</param>
/// <param name="Role">The role label shown on the page, in English and French ("Finance / Finances").</param>
/// <param name="Language">"en" or "fr": the page's language when acting as this person.</param>
public sealed record WebChatPersona(string Id, string Name, string Role, string Language);
