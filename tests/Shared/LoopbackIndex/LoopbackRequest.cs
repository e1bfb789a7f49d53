namespace CogLsp.Tests.Shared.LoopbackIndex;

/// <summary>One request the loopback index received, with the headers it arrived with (names lower-case)
/// and the status (0: never answered) and Content-Encoding (null: none) it was answered with.</summary>
public sealed record LoopbackRequest(string Method, string Host, string Path, IReadOnlyDictionary<string, string> Headers, int Status, string? ContentEncoding)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    public bool HasAuthorization => Header("authorization") is not null;
}
