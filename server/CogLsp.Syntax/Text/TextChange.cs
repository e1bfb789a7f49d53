namespace CogLsp.Syntax.Text;

/// <summary>Replace <see cref="Span"/> of the old text with <see cref="NewText"/>.</summary>
public readonly record struct TextChange(TextSpan Span, string NewText);
