namespace CogLsp.Syntax.Text;

/// <summary>What a character offset within a line counts: UTF-16 code units (LSP's default) or UTF-8 bytes.</summary>
public enum PositionEncoding
{
    Utf16,
    Utf8,
}
