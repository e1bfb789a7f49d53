using System.Collections.Immutable;

namespace CogLsp.Analysis.Diagnostics;

/// <summary>
/// Rules that are twins of other rules where the same text means the same thing elsewhere (a requirements-file
/// rule on a python_packages item or a build.run argument): the same name, title, message, severity, fix and
/// tags under an ID of their own (so each can be configured where it applies), the explanation followed by a
/// note on that place, and the examples rewritten for it. Built with the constructor, not `with`, so no cached
/// help link of the original rule is carried over.
/// </summary>
public sealed class RuleTwins
{
    private readonly ImmutableDictionary<string, DiagnosticDescriptor> _byOriginalId;

    /// <param name="example">The twin's example from (twin ID, the original's example, true for the bad one).</param>
    public RuleTwins(IEnumerable<(DiagnosticDescriptor Rule, string Id)> pairs, string note, Func<string, string, bool, string> example)
    {
        var list = pairs.ToList();
        Rules = [.. list.Select(p => new DiagnosticDescriptor(
            p.Id, p.Rule.Name, p.Rule.Title, p.Rule.MessageFormat, p.Rule.DefaultSeverity, p.Rule.Explanation + note,
            example(p.Id, p.Rule.BadExample, true), example(p.Id, p.Rule.GoodExample, false), p.Rule.Fix, p.Rule.Tags))];
        _byOriginalId = list.Select((p, i) => (p.Rule.Id, Twin: Rules[i])).ToImmutableDictionary(p => p.Id, p => p.Twin, StringComparer.Ordinal);
    }

    /// <summary>The twins, in the order they were paired.</summary>
    public ImmutableArray<DiagnosticDescriptor> Rules { get; }

    /// <summary>The twin of the rule with ID <paramref name="originalId"/>, or null when it has none here.</summary>
    public DiagnosticDescriptor? Of(string originalId) => _byOriginalId.GetValueOrDefault(originalId);
}
