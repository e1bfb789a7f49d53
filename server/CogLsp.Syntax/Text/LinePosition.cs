namespace CogLsp.Syntax.Text;

/// <summary>A zero-based line and character; the unit of <see cref="Character"/> depends on the <see cref="PositionEncoding"/> in use.</summary>
public readonly record struct LinePosition(int Line, int Character) : IComparable<LinePosition>
{
    public int CompareTo(LinePosition other) => Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);

    public static bool operator <(LinePosition left, LinePosition right) => left.CompareTo(right) < 0;

    public static bool operator <=(LinePosition left, LinePosition right) => left.CompareTo(right) <= 0;

    public static bool operator >(LinePosition left, LinePosition right) => left.CompareTo(right) > 0;

    public static bool operator >=(LinePosition left, LinePosition right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Line}:{Character}";
}
