using System.Text;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Requirements;

namespace CogLsp.Analysis.Tests.Requirements;

/// <summary>Bad input never crashes an analyzer or a provider.</summary>
public sealed class RequirementsRobustnessTests
{
    private const string Alphabet = "ab1.-_=<>!~;[]()@#'\" \t\\$,{}:/*+e\r\n-rcfiEC";

    private static readonly string[] Fragments =
    [
        "numpy==1.0", "-r ", "-c ", "./x.whl", "file:///x.whl", "pkg @ ./a.whl", "--hash=sha256:0", "; python_version < '3'", "[a]", "-e git+https://g/x#egg=x",
        "--require-hashes", "\\\n", "# c", "${VAR}", "torch>=2", "requirements.txt", "../", "==", "~=1", "<>",
    ];

    [Fact]
    public void Analyzers_and_providers_never_throw()
    {
        var random = new Random(11);
        var services = LanguageServices.CreateDefault();
        var diagnostics = new DiagnosticService(services);
        for (var round = 0; round < 300; round++)
        {
            var b = new StringBuilder();
            var n = random.Next(0, 30);
            for (var i = 0; i < n; i++)
            {
                b.Append(random.Next(3) == 0 ? Alphabet[random.Next(Alphabet.Length)].ToString() : Fragments[random.Next(Fragments.Length)]);
                if (random.Next(3) == 0)
                {
                    b.Append('\n');
                }
            }

            var workspace = new RequirementsTestWorkspace()
                .With("/p/cog.yaml", RequirementsTestWorkspace.CogYamlNamingIt)
                .With("/p/requirements.txt", "-r requirements.txt\n");
            var text = b.ToString();
            var (snapshot, document) = workspace.Open(text);
            _ = diagnostics.GetDiagnostics(snapshot, document);
            var context = new Features.FeatureContext(snapshot, document, CancellationToken.None);
            _ = new RequirementsOutlineProvider().GetOutline(context).ToList();
            _ = new RequirementsLinkProvider().GetLinks(context).ToList();
            _ = new RequirementsFoldingProvider().GetFoldingRegions(context).ToList();
            for (var offset = 0; offset <= document.Text.Length; offset += 1 + random.Next(4))
            {
                _ = new RequirementsHoverProvider().GetHover(context, offset);
                _ = new RequirementsCompletionProvider().GetCompletions(context, offset).ToList();
            }
        }
    }
}
