namespace CogLsp.Server.Session;

/// <summary>
/// Runs a local program and returns what it printed on stdout, or null when it is not on PATH, fails to
/// start, exits with a non-zero code or outlives <paramref name="timeout"/> (it is then killed). Never
/// throws for any of those, never waits longer than the timeout. Tests substitute their own.
/// </summary>
public interface IProcessRunner
{
    string? Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout);
}
