using CogLsp.Analysis.Cog;

namespace CogLsp.Analysis.Tests.Cog;

/// <summary>
/// A finding kind's IDs are what users write in suppression comments and severity settings: they never
/// change, whatever kinds are added or reordered. Each row is written out literally on purpose.
/// </summary>
public sealed class CogFindingIdTests
{
    public static TheoryData<CogFindingKind, string, string, string> Ids => new()
    {
        { CogFindingKind.FrameworkPinRewritten, "REQ0500", "COG0600", "cog-rewrites-pin" },
        { CogFindingKind.QualifiedPinKept, "REQ0501", "COG0601", "qualified-pin" },
        { CogFindingKind.QualifiedPinTagReplaced, "REQ0502", "COG0602", "local-tag-replaced" },
        { CogFindingKind.LocalTagContradictsConfig, "REQ0503", "COG0603", "local-tag-contradicts-config" },
        { CogFindingKind.LocalTagUnknownBuild, "REQ0504", "COG0604", "unknown-local-build" },
        { CogFindingKind.NoWheelForPython, "REQ0505", "COG0605", "no-wheel-for-python" },
        { CogFindingKind.RangeNotRewritten, "REQ0506", "COG0606", "range-not-rewritten" },
        { CogFindingKind.CompanionPinMismatch, "REQ0507", "COG0607", "companion-not-pinned" },
        { CogFindingKind.IndexOptionChangesRewrite, "REQ0508", "COG0608", "index-option-changes-rewrite" },
        { CogFindingKind.ExtrasDisableRewrite, "REQ0509", "COG0609", "extras-disable-rewrite" },
        { CogFindingKind.CaseSensitiveName, "REQ0510", "COG0610", "case-sensitive-name" },
        { CogFindingKind.PinRebuiltDropsParts, "REQ0511", "COG0611", "pin-rebuilt" },
        { CogFindingKind.DottedNameTruncated, "REQ0512", "COG0612", "dotted-name-truncated" },
        { CogFindingKind.HashCutsLine, "REQ0513", "COG0613", "hash-cuts-line" },
        { CogFindingKind.CommentContinuationSwallowsLine, "REQ0514", "COG0614", "comment-continuation" },
        { CogFindingKind.LocalRequirementRefused, "REQ0515", "COG0615", "local-requirement-refused" },
        { CogFindingKind.ConstraintFileNotShipped, "REQ0516", "COG0616", "constraint-file-not-shipped" },
        { CogFindingKind.ManagedPackageDropped, "REQ0517", "COG0617", "managed-package-dropped" },
        { CogFindingKind.EditableSelf, "REQ0518", "COG0618", "editable-self" },
        { CogFindingKind.CogError, "REQ0519", "COG0619", "cog-error" },
        { CogFindingKind.CogWarning, "REQ0520", "COG0620", "cog-warning" },
        { CogFindingKind.UnknownFrameworkVersion, "REQ0521", "COG0621", "unknown-framework-version" },
        { CogFindingKind.MovedToEnd, "REQ0522", "COG0622", "moved-to-end" },
        { CogFindingKind.SpacedPinNotRewritten, "REQ0523", "COG0623", "spaced-pin-not-rewritten" },
    };

    [Theory]
    [MemberData(nameof(Ids))]
    public void A_finding_kind_keeps_its_ids(CogFindingKind kind, string requirementId, string pythonPackagesId, string name)
    {
        Assert.Equal((requirementId, name), (CogDiagnostics.ForRequirement(kind).Id, CogDiagnostics.ForRequirement(kind).Name));
        Assert.Equal((pythonPackagesId, name), (CogDiagnostics.ForPythonPackage(kind).Id, CogDiagnostics.ForPythonPackage(kind).Name));
    }

    [Fact]
    public void Every_finding_kind_is_listed_here() =>
        Assert.Equal(Enum.GetValues<CogFindingKind>().Order(), Ids.Select(row => (CogFindingKind)row[0]).Order());
}
