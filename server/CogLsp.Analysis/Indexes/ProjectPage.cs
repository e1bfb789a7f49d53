namespace CogLsp.Analysis.Indexes;

/// <summary>
/// What one source lists for one project: its files and, for PEP 700 JSON pages, the declared versions
/// (which may include versions without files). For a find-links page, the files of every project on the
/// page are kept; the picker filters by project name from the file names, as pip does.
/// </summary>
public sealed record ProjectPage(IndexSource Source, string Project, IReadOnlyList<IndexFile> Files, IReadOnlyList<string>? Versions);
