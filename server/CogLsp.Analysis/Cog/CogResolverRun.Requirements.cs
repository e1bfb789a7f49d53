using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// The requirements Cog writes (standard_generator.go pipInstalls → config.go PythonRequirementsForArch
/// → pythonPackageForArch, then filterManagedPackages): each line as Cog rewrites it, the index options
/// moved to the top, the frameworks written back at the end, cog/coglet removed.
/// </summary>
internal sealed partial class CogResolverRun
{
    private ImmutableArray<string> WriteRequirements()
    {
        var includes = new List<(string Requirement, string Name, int Line)>();
        foreach (var name in CogPackages.TablePackages)
        {
            var (version, found, line) = PackageVersion(name);
            if (found)
            {
                includes.Add((name + "==" + version, name, line));
            }
        }

        var packages = new List<(string Text, CogLogicalLine? Source)>();
        var findLinks = new List<string>();
        var extraIndexUrls = new List<string>();
        foreach (var line in _input)
        {
            var resolved = ForArch(line);
            packages.Add((resolved.Output!, line));
            foreach (var link in resolved.FindLinks.Where(l => !findLinks.Contains(l)))
            {
                findLinks.Add(link);
            }

            foreach (var url in resolved.ExtraIndexUrls.Where(u => !extraIndexUrls.Contains(u)))
            {
                extraIndexUrls.Add(url);
            }

            var name = CogRequirementSyntax.IsLocalArtifactOrRefused(resolved.Output!) ? string.Empty : CogRequirementSyntax.PackageName(resolved.Output!);
            if (name.Length > 0)
            {
                var found = includes.FindIndex(i => i.Name == name);
                if (found >= 0)
                {
                    includes.RemoveAt(found);
                }
            }

            _lines.Add(resolved);
        }

        foreach (var include in includes)
        {
            packages.Add((include.Requirement, null));
            if (_input.FirstOrDefault(l => l.Index == include.Line) is { } source)
            {
                _findings.Add(CogFindingKind.MovedToEnd, DiagnosticSeverity.Information, source, 0, source.Text.Length,
                    $"Cog writes `{include.Requirement}` at the end of the requirements it installs, because no line it wrote is named `{include.Name}` any more.");
            }
        }

        var lines = new List<string>();
        lines.AddRange(findLinks.Select(l => "--find-links " + l));
        lines.AddRange(extraIndexUrls.Select(u => "--extra-index-url " + u));
        var filtered = new List<string>(lines);
        foreach (var (text, source) in packages)
        {
            if (CogPackages.ManagedPackageOf(text) is { } baseName)
            {
                var message = $"'{GoStrings.TrimSpace(text)}' found in requirements — overriding with {ManagedOverride(baseName)}. Remove it from requirements and use build.sdk_version in cog.yaml or {(baseName == "cog" ? "COG_SDK_WHEEL" : "COGLET_WHEEL")} to control the version.";
                _warnings.Add(new CogMessage(message, null, source?.Index ?? -1) { LineKind = CogFindingKind.ManagedPackageDropped });
                if (source is not null)
                {
                    var index = _lines.FindIndex(l => l.Line == source);
                    if (index >= 0)
                    {
                        _lines[index] = _lines[index] with { Action = CogLineAction.Dropped, Output = null, Reason = "Cog installs cog and coglet itself and removes them from your requirements." };
                    }
                }

                continue;
            }

            filtered.Add(text);
        }

        return [.. filtered];
    }

    private string ManagedOverride(string package)
    {
        if (package == "cog" && !string.IsNullOrEmpty(_config.SdkVersion))
        {
            return _config.SdkVersion == "prerelease" ? "latest pre-release cog from PyPI" : $"cog=={_config.SdkVersion} from PyPI";
        }

        return $"latest {package} from PyPI";
    }

    /// <summary>config.go pythonPackageForArch, with the why of each outcome.</summary>
    private CogLineResolution ForArch(CogLogicalLine line)
    {
        var text = line.Text;
        var (_, isArtifact, refusal) = CogRequirementSyntax.ParseLocalArtifact(text);
        if (isArtifact || refusal is not null)
        {
            return new CogLineResolution
            {
                Index = line.Index, Line = line, Output = text,
                Action = isArtifact ? CogLineAction.LocalArtifact : (UsesFile ? CogLineAction.Refused : CogLineAction.Verbatim),
                Reason = isArtifact ? "a local package artifact: Cog copies it into the image and installs it from there" : refusal,
            };
        }

        var pinned = CogRequirementSyntax.SplitPinned(text);
        if (pinned is null)
        {
            return new CogLineResolution { Index = line.Index, Line = line, Output = text, Action = CogLineAction.Verbatim, Package = NullIfEmpty(CogRequirementSyntax.PackageName(text)) };
        }

        if (pinned.ExtraIndexUrls.Length > 0)
        {
            var kept = pinned.Name + "==" + pinned.Version;
            return new CogLineResolution
            {
                Index = line.Index, Line = line, Output = kept, Action = kept == text ? CogLineAction.Verbatim : CogLineAction.Rewritten,
                ExtraIndexUrls = pinned.ExtraIndexUrls, FindLinks = pinned.FindLinks, Package = pinned.Name, RequestedVersion = pinned.Version,
                Reason = "the line names its own --extra-index-url, so Cog keeps it and moves the index options to the top",
            };
        }

        var name = pinned.Name;
        var version = pinned.Version;
        string findLink = string.Empty, extraIndex = string.Empty;
        TorchCompatibility? torchRow = null;
        TensorFlowCompatibility? tfRow = null;
        string? installed = null;
        switch (name)
        {
            case "tensorflow":
                if (_config.Gpu)
                {
                    tfRow = _table.TensorFlow.FirstOrDefault(r => r.TensorFlow == version && CogVersion.Equal(r.Cuda, _cuda));
                    if (tfRow is not null && CogRequirementSyntax.SplitPinned(tfRow.GpuPackage) is { } gpu)
                    {
                        (name, version) = (gpu.Name, gpu.Version);
                        installed = version;
                    }
                    else
                    {
                        (name, version) = (string.Empty, string.Empty);
                    }
                }

                break;
            case "torch":
                torchRow = _config.Gpu ? TorchGpuRow(version) : _table.Torch.FirstOrDefault(r => r.TorchVersion == version && r.Cuda is null);
                if (torchRow is not null)
                {
                    version = CogVersion.StripModifier(_config.Gpu ? torchRow.Torch : StripCpuForAppleSilicon(torchRow.Torch));
                    (findLink, extraIndex) = (torchRow.FindLinks, torchRow.ExtraIndexUrl);
                    installed = _config.Gpu ? torchRow.Torch : StripCpuForAppleSilicon(torchRow.Torch);
                }

                break;
            case "torchvision":
                torchRow = _config.Gpu ? TorchvisionGpuRow(version) : _table.Torch.FirstOrDefault(r => r.TorchvisionVersion == version && r.Cuda is null);
                if (torchRow is not null)
                {
                    version = _config.Gpu ? CogVersion.StripModifier(torchRow.Torchvision) : StripCpuForAppleSilicon(torchRow.Torchvision);
                    (findLink, extraIndex) = (torchRow.FindLinks, torchRow.ExtraIndexUrl);
                    installed = _config.Gpu ? torchRow.Torchvision : StripCpuForAppleSilicon(torchRow.Torchvision);
                }
                else if (_config.Gpu)
                {
                    _warnings.Add(new CogMessage($"Cog doesn't know if CUDA {_cuda} is compatible with torchvision {version}. This might cause CUDA problems.", "build.cuda", line.Index));
                }

                break;
        }

        var output = name + (version.Length > 0 ? "==" + version : string.Empty);
        var result = new CogLineResolution
        {
            Index = line.Index, Line = line, Output = output,
            Action = output == text && extraIndex.Length == 0 && findLink.Length == 0 && pinned.FindLinks.Length == 0 ? CogLineAction.Verbatim : CogLineAction.Rewritten,
            ExtraIndexUrls = extraIndex.Length > 0 ? [extraIndex] : [],
            FindLinks = findLink.Length > 0 ? [findLink] : pinned.FindLinks,
            Package = pinned.Name, RequestedVersion = pinned.Version, InstalledVersion = installed,
            BuildCuda = torchRow?.Cuda ?? tfRow?.RawCuda, TorchRow = torchRow, TensorFlowRow = tfRow,
            Reason = CogExplanations.Why(_config.Gpu, _cuda, _cudaSource),
        };
        _pins.Add(result);
        return result;
    }

    private string StripCpuForAppleSilicon(string version) => IsAppleSilicon ? version.Replace("+cpu", string.Empty, StringComparison.Ordinal) : version;

    /// <summary>torchGPUPackage: the build with the newest CUDA not above build CUDA (ties: the newer torch).</summary>
    private TorchCompatibility? TorchGpuRow(string version)
    {
        TorchCompatibility? latest = null;
        foreach (var row in _table.Torch)
        {
            if (!CogVersion.Matches(row.TorchVersion, version) || row.Cuda is null || CogVersion.Greater(row.Cuda, _cuda))
            {
                continue;
            }

            if (latest is null || CogVersion.Greater(row.Cuda, latest.Cuda!)
                || (row.Cuda == latest.Cuda && CogVersion.Greater(row.TorchVersion, latest.TorchVersion)))
            {
                latest = row;
            }
        }

        return latest;
    }

    /// <summary>torchvisionGPUPackage: exact version text; the first row of the newest CUDA not above build CUDA.</summary>
    private TorchCompatibility? TorchvisionGpuRow(string version)
    {
        TorchCompatibility? latest = null;
        foreach (var row in _table.Torch)
        {
            if (row.TorchvisionVersion != version || row.Cuda is null || CogVersion.Greater(row.Cuda, _cuda))
            {
                continue;
            }

            if (latest is null || CogVersion.Greater(row.Cuda, latest.Cuda!))
            {
                latest = row;
            }
        }

        return latest;
    }
}
