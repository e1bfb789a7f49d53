namespace CogLsp.Syntax.Text;

/// <summary>A half-open range [Start, End) of UTF-16 code units in a <see cref="SourceText"/>.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public bool IsEmpty => Length == 0;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    /// <summary>True when <paramref name="offset"/> lies inside the span or on its end (a cursor right after a token still touches it).</summary>
    public bool Touches(int offset) => offset >= Start && offset <= End;

    public bool Contains(int offset) => offset >= Start && offset < End;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public bool OverlapsWith(TextSpan other) => Math.Max(Start, other.Start) < Math.Min(End, other.End);

    public bool IntersectsWith(TextSpan other) => other.Start <= End && other.End >= Start;

    public override string ToString() => $"[{Start}..{End})";
}
