namespace CogLsp.Syntax.Text;

/// <summary>A range between two <see cref="LinePosition"/>s, the shape LSP uses for ranges.</summary>
public readonly record struct LinePositionSpan(LinePosition Start, LinePosition End)
{
    public override string ToString() => $"{Start}-{End}";
}
