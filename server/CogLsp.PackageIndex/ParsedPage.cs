using CogLsp.Analysis.Indexes;

namespace CogLsp.PackageIndex;

/// <summary>A page's content, independent of who asked for it (a find-links page serves every project).
/// <see cref="Versions"/> is PEP 700's list, null when the page has none (HTML, older JSON).</summary>
internal sealed record ParsedPage(IReadOnlyList<IndexFile> Files, IReadOnlyList<string>? Versions);
