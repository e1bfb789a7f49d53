using CogLsp.Syntax.Requirements;

namespace CogLsp.Analysis.Requirements;

/// <summary>
/// The logical lines two versions of a requirements file differ in: lines <see cref="BeforeFirst"/> to
/// <see cref="BeforeLast"/> of the older tree became <see cref="AfterFirst"/> to <see cref="AfterLast"/>
/// of the newer; every line before them is the same line at the same offset, every line after them moved
/// by <see cref="LineDelta"/> lines and <see cref="OffsetDelta"/> characters. Found from the texts' common
/// prefix and suffix, so it costs the edit, not the file. The range may be wider than the edit (never narrower).
/// </summary>
public readonly record struct ChangedLines(bool Unchanged, int BeforeFirst, int BeforeLast, int AfterFirst, int AfterLast, int OffsetDelta)
{
    public int LineDelta => (AfterLast - AfterFirst) - (BeforeLast - BeforeFirst);

    public static ChangedLines Between(RequirementsSyntaxTree before, RequirementsSyntaxTree after)
    {
        if (ReferenceEquals(before, after) || ReferenceEquals(before.Text, after.Text))
        {
            return new ChangedLines(true, 0, -1, 0, -1, 0);
        }

        var prefix = after.Text.CommonPrefixLength(before.Text);
        if (prefix == before.Text.Length && prefix == after.Text.Length)
        {
            return new ChangedLines(true, 0, -1, 0, -1, 0);
        }

        var suffix = Math.Min(Math.Min(before.Text.Length, after.Text.Length) - prefix, after.Text.CommonSuffixLength(before.Text));
        return new ChangedLines(
            false,
            Math.Max(0, before.GetLineIndex(prefix)),
            before.GetLineIndex(before.Text.Length - suffix),
            Math.Max(0, after.GetLineIndex(prefix)),
            after.GetLineIndex(after.Text.Length - suffix),
            after.Text.Length - before.Text.Length);
    }
}
