using System.Collections.Immutable;

namespace CogLsp.Analysis.Workspace;

/// <summary>
/// What the product knows of one file format, in one place: the file globs that tell a file of this kind
/// by its name (the classifier matches them and the server asks the client to watch them) and the prefix
/// of its diagnostic IDs. The VS Code client's language patterns, activation events and document selector
/// repeat the globs; a server test reads them from client-vscode and checks they agree.
/// </summary>
public sealed record DocumentKindRegistration(DocumentKind Kind, string DiagnosticPrefix, ImmutableArray<string> FileGlobs)
{
    public static ImmutableArray<DocumentKindRegistration> All { get; } =
    [
        new(DocumentKind.CogYaml, "COG", ["**/cog.yaml", "**/cog.yml"]),

        // pip's usual names, and pip-tools' *.in (a name that is only ".in" is not one).
        new(DocumentKind.Requirements, "REQ", ["**/requirements*.txt", "**/requirements/*.txt", "**/constraints*.txt", "**/?*.in"]),
    ];

    /// <summary>The registration of <paramref name="kind"/>, or null for <see cref="DocumentKind.Unknown"/>.</summary>
    public static DocumentKindRegistration? For(DocumentKind kind) => All.FirstOrDefault(r => r.Kind == kind);

    public bool Matches(string path) => FileGlobs.Any(g => FileGlob.IsMatch(g, path));
}
