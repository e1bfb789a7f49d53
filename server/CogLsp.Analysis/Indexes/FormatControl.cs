using System.Collections.Immutable;
using CogLsp.Syntax.Pep440;

namespace CogLsp.Analysis.Indexes;

/// <summary>Which kinds of file pip may install for a project (pip's "binary" and "source" formats).</summary>
[Flags]
public enum AllowedFormats
{
    None = 0,
    Binary = 1,
    Source = 2,
    Both = Binary | Source,
}

/// <summary>
/// pip's FormatControl: the projects (PEP 503 names, or `:all:`) for which `--no-binary` rules out wheels and
/// `--only-binary` rules out source archives. Built by applying option values in the order pip reads them
/// (<see cref="WithNoBinary"/>, <see cref="WithOnlyBinary"/>), which is pip's handle_mutual_excludes:
/// <list type="bullet">
/// <item>a value is a comma-separated list; `:all:` empties both sets and puts `:all:` in this option's set,
/// and ends the value unless a `:none:` follows it;</item>
/// <item>`:none:` empties this option's set (only this one);</item>
/// <item>a name moves into this option's set and out of the other one (a later option wins per name).</item>
/// </list>
/// Immutable; equal instances print equally (<see cref="ToString"/> is a memo key).
/// </summary>
public sealed class FormatControl
{
    public const string All = ":all:";

    public static FormatControl None { get; } = new([], []);

    private FormatControl(ImmutableSortedSet<string> noBinary, ImmutableSortedSet<string> onlyBinary)
    {
        NoBinary = noBinary;
        OnlyBinary = onlyBinary;
    }

    /// <summary>Projects (or `:all:`) whose wheels pip does not use.</summary>
    public ImmutableSortedSet<string> NoBinary { get; }

    /// <summary>Projects (or `:all:`) whose source archives pip does not use.</summary>
    public ImmutableSortedSet<string> OnlyBinary { get; }

    public bool IsEmpty => NoBinary.IsEmpty && OnlyBinary.IsEmpty;

    /// <summary>This control after `--no-binary <paramref name="value"/>`.</summary>
    public FormatControl WithNoBinary(string value)
    {
        var (target, other) = Apply(value, NoBinary, OnlyBinary);
        return new FormatControl(target, other);
    }

    /// <summary>This control after `--only-binary <paramref name="value"/>`.</summary>
    public FormatControl WithOnlyBinary(string value)
    {
        var (target, other) = Apply(value, OnlyBinary, NoBinary);
        return new FormatControl(other, target);
    }

    /// <summary>pip's get_allowed_formats: a project named in a set beats `:all:`, and --only-binary is asked first.</summary>
    public AllowedFormats For(string canonicalProject) =>
        OnlyBinary.Contains(canonicalProject) ? AllowedFormats.Binary
        : NoBinary.Contains(canonicalProject) ? AllowedFormats.Source
        : OnlyBinary.Contains(All) ? AllowedFormats.Binary
        : NoBinary.Contains(All) ? AllowedFormats.Source
        : AllowedFormats.Both;

    /// <summary>The option that restricts <paramref name="canonicalProject"/>, as a user would write it ("--only-binary :all:"), or null.</summary>
    public string? Reason(string canonicalProject) =>
        OnlyBinary.Contains(canonicalProject) ? $"--only-binary {canonicalProject}"
        : NoBinary.Contains(canonicalProject) ? $"--no-binary {canonicalProject}"
        : OnlyBinary.Contains(All) ? $"--only-binary {All}"
        : NoBinary.Contains(All) ? $"--no-binary {All}"
        : null;

    public override string ToString() => $"no-binary={string.Join(',', NoBinary)};only-binary={string.Join(',', OnlyBinary)}";

    public override bool Equals(object? obj) => obj is FormatControl other && NoBinary.SetEquals(other.NoBinary) && OnlyBinary.SetEquals(other.OnlyBinary);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    private static (ImmutableSortedSet<string> Target, ImmutableSortedSet<string> Other) Apply(string value, ImmutableSortedSet<string> target, ImmutableSortedSet<string> other)
    {
        var names = value.Split(',').ToList();
        while (names.Contains(All))
        {
            other = [];
            target = [All];
            names.RemoveRange(0, names.IndexOf(All) + 1);

            // Without a later :none:, :all: covers every name after it.
            if (!names.Contains(":none:"))
            {
                return (target, other);
            }
        }

        foreach (var name in names)
        {
            if (name == ":none:")
            {
                target = [];
                continue;
            }

            var canonical = PackageName.Normalize(name);
            other = other.Remove(canonical);
            target = target.Add(canonical);
        }

        return (target, other);
    }
}
