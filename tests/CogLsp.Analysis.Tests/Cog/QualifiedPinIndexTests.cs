using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Projects;

namespace CogLsp.Analysis.Tests.Cog;

/// <summary>A pin with a local tag is passed on verbatim; whether pip can find it depends on every index in the generated file.</summary>
public class QualifiedPinIndexTests
{
    private static CogFinding QualifiedFinding(string requirements)
    {
        var config = new CogBuildConfig { CogYamlPath = "/p/cog.yaml", Gpu = true, PythonVersion = "3.10", PythonRequirements = "requirements.txt" };
        var resolution = CogResolver.Resolve(config, requirements);
        return Assert.Single(resolution.Findings, f => f.Kind == CogFindingKind.QualifiedPinKept);
    }

    [Fact]
    public void The_index_Cog_adds_for_torch_also_serves_a_tagged_torchvision_pin()
    {
        var finding = QualifiedFinding("torch==1.11.0\ntorchvision==0.12.0+cu113\n");
        Assert.Equal(DiagnosticSeverity.Information, finding.Severity);
        Assert.Contains("https://download.pytorch.org/whl/cu113", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_any_index_for_the_tag_pip_will_not_find_the_build()
    {
        var finding = QualifiedFinding("torchvision==0.12.0+cu113\n");
        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
        Assert.Contains("pip will not find it", finding.Message, StringComparison.Ordinal);
    }
}
