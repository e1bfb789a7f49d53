namespace CogLsp.Server.Protocol;

/// <summary>window/workDoneProgress/create parameters: the token the server will report under.</summary>
public sealed record WorkDoneProgressCreateParams(string Token);

/// <summary>$/progress parameters for work-done progress.</summary>
public sealed record ProgressParams(string Token, WorkDoneProgressValue Value);

/// <summary>One work-done progress step: <see cref="Kind"/> is "begin", "report" or "end".</summary>
public sealed record WorkDoneProgressValue(string Kind)
{
    public string? Title { get; init; }

    public string? Message { get; init; }

    public int? Percentage { get; init; }

    public bool? Cancellable { get; init; }
}
