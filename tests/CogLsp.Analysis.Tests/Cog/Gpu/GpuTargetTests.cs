using CogLsp.Analysis.Cog.Gpu;
using static CogLsp.Analysis.Tests.Cog.Gpu.GpuFixture;

namespace CogLsp.Analysis.Tests.Cog.Gpu;

/// <summary>REQ0530 / COG0630: the torch wheel Cog installs against the floors of cog doctor's GPU check, for the user's target GPUs.</summary>
public sealed class GpuTargetTests
{
    private const string GpuYaml = "build:\n  gpu: true\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n";

    // Cog 6110c912's own boundary cases for evaluateGPUCompat (pkg/doctor/gpu_compatibility_test.go), through GpuFloors.
    [Theory]
    [InlineData("12.0", "2.7.0+cu128", "12.8", null)]
    [InlineData("12.0", "2.7.0", "11.8", "2.7.0")]
    [InlineData("12.0", "2.6.0", "12.6", "2.7.0")]
    [InlineData("10.0", "2.6.0+cu126", "12.6", "2.7.0")]
    [InlineData("10.3", "2.6.0", "12.6", "2.7.0")]
    [InlineData("12.1", "2.7.1", "12.8", null)]
    [InlineData("9.0", "2.0.1", "11.8", null)]
    [InlineData("9.0", "2.0.0", "11.8", "2.0.1")]
    [InlineData("9.0", "1.13.1", "11.7", "2.0.1")]
    [InlineData("9.0", "2.4.1", null, null)]
    [InlineData("8.9", "1.13.1", "11.7", null)]
    [InlineData("7.5", "1.11.0", "11.3", null)]
    public void Floors_are_doctors(string capability, string torch, string? cuda, string? failedFloor)
    {
        var cc = ComputeCapability.TryParse(capability)!.Value;
        Assert.Equal(failedFloor, GpuFloors.Failed(cc, torch, cuda)?.MinTorch);
    }

    [Theory]
    [InlineData("T4", 7, 5)]
    [InlineData("a10g", 8, 6)]
    [InlineData("NVIDIA A100-SXM4-80GB", 8, 0)]
    [InlineData("L40S", 8, 9)]
    [InlineData("rtx 4090", 8, 9)]
    [InlineData("NVIDIA GeForce RTX 5090", 12, 0)]
    [InlineData("H100 80GB HBM3", 9, 0)]
    [InlineData("GH200", 9, 0)]
    [InlineData("b200", 10, 0)]
    [InlineData("sm_90", 9, 0)]
    [InlineData("sm_120", 12, 0)]
    [InlineData("8.6", 8, 6)]
    public void Targets_are_named_or_raw(string name, int major, int minor) =>
        Assert.Equal(new ComputeCapability(major, minor), GpuTarget.TryParse(name)?.Capability);

    [Theory]
    [InlineData("Z999")]
    [InlineData("H")]
    [InlineData("sm_")]
    [InlineData("")]
    public void Unknown_names_are_not_targets(string name) => Assert.Null(GpuTarget.TryParse(name));

    [Fact]
    public void Torch_pin_without_kernels_for_a_target_warns_on_the_line()
    {
        var diagnostic = Assert.Single(CheckDiagnostics(["B200"], GpuYaml, "numpy==1.26.4\n{|REQ0500:[|torch==2.4.1|]|}\n", "REQ0530"));
        Assert.Equal("torch 2.4.1 (CUDA 12.4) has no kernels for B200 (sm_100): the image builds, but every CUDA call on that GPU fails with \"no kernel image is available for execution on the device\". sm_100 needs torch >= 2.7.0 built for CUDA >= 12.8 (cog doctor's floor).", diagnostic.Message);
    }

    [Fact]
    public void One_warning_per_failing_capability_naming_its_targets()
    {
        var diagnostics = CheckDiagnostics(["T4", "H100", "RTX 5090", "rtx 5080", "H200"], GpuYaml, "{|REQ0505:{|REQ0500:[|[|torch==1.13.1|]|]|}|}\n", "REQ0530");
        Assert.Equal(
            ["torch 1.13.1 (CUDA 11.7) has no kernels for H100, H200 (sm_90)", "torch 1.13.1 (CUDA 11.7) has no kernels for RTX 5090, RTX 5080 (sm_120)"],
            diagnostics.Select(d => d.Message[..d.Message.IndexOf(':', StringComparison.Ordinal)]));
    }

    [Fact]
    public void A_wheel_at_the_floor_is_fine() =>
        CheckDiagnostics(["B200", "H100", "T4"], GpuYaml, "{|REQ0500:torch==2.7.0|}\n", "REQ0530");

    [Fact]
    public void Build_cuda_below_the_floor_fails_it_even_with_a_new_torch() =>
        CheckDiagnostics(["B200"], GpuYaml + "  cuda: \"12.6\"\n", "{|REQ0500:[|torch==2.7.0|]|}\n", "REQ0530");

    [Fact]
    public void Cpu_builds_and_projects_without_targets_say_nothing()
    {
        CheckDiagnostics(["B200"], GpuYaml.Replace("gpu: true", "gpu: false", StringComparison.Ordinal), "{|REQ0500:torch==2.4.1|}\n", "REQ0530");
        CheckDiagnostics([], GpuYaml, "{|REQ0500:torch==2.4.1|}\n", "REQ0530");
    }

    [Fact]
    public void A_range_or_unpinned_torch_names_no_wheel() =>
        CheckDiagnostics(["B200"], GpuYaml, "torch{|REQ0201:>={|REQ0506:2.0|},<2.5|}\n", "REQ0530");

    [Fact]
    public void Python_packages_item_gets_the_twin_inside_the_item() =>
        CheckDiagnostics(["H100"], null,
            "build:\n  gpu: {|COG0500:true|}\n  python_version: \"3.10\"\n  {|COG0301:python_packages|}:\n    - \"{|COG0600:[|torch==1.13.1|]|}\"\n", "COG0630");

    [Fact]
    public void Hover_lists_where_the_wheel_runs()
    {
        var hover = Hover(["T4", "H100", "B200"], GpuYaml, "tor$0ch==2.4.1\n");
        Assert.Contains("- runs on: T4 (sm_75) (no floor known below sm_90), H100 (sm_90)\n", hover, StringComparison.Ordinal);
        Assert.Contains("- no kernels for: B200 (sm_100) (needs torch >= 2.7.0, CUDA >= 12.8)\n", hover, StringComparison.Ordinal);
    }

    [Fact]
    public void Hover_on_another_line_lists_no_targets() =>
        Assert.DoesNotContain("runs on", Hover(["H100"], GpuYaml, "torch==2.4.1\nnum$0py==1.26.4\n"), StringComparison.Ordinal);

    [Fact]
    public void Fix_pins_the_lowest_torch_in_Cogs_table_that_clears_every_floor()
    {
        var fix = Assert.Single(Fixes(["B200", "H100"], GpuYaml, "numpy==1.26.4\ntorch==2.4.1$0  # pinned\n"), f => f.Title.Contains("lowest release", StringComparison.Ordinal));
        Assert.Equal("Pin torch==2.7.0, the lowest release in Cog's table that runs on B200 (sm_100), H100 (sm_90)", fix.Title);
        Assert.Equal("numpy==1.26.4\ntorch==2.7.0  # pinned\n", fix.Files[TestWorkspace.RequirementsPath]);
        Assert.Single(fix.Files);
    }

    [Fact]
    public void No_fix_when_build_cuda_keeps_every_pin_below_the_floor()
    {
        var fixes = Fixes(["B200"], GpuYaml + "  cuda: \"12.6\"\n", "torch==2.4.1$0\n");
        Assert.DoesNotContain(fixes, f => f.Title.Contains("lowest release", StringComparison.Ordinal));
    }

    [Fact]
    public void Making_the_rewrite_explicit_works_on_the_first_line_too()
    {
        var fix = Assert.Single(Fixes([], GpuYaml, "torch==2.4.1$0\n"), f => f.Title.EndsWith("explicitly and add its index URL", StringComparison.Ordinal));
        Assert.Equal("--extra-index-url https://download.pytorch.org/whl/cu124/\ntorch==2.4.1+cu124\n", fix.Files[TestWorkspace.RequirementsPath]);
    }
}
