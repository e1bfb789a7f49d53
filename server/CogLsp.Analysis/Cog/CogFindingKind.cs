namespace CogLsp.Analysis.Cog;

/// <summary>The kinds of per-line findings the resolver reports; each maps to one REQ05xx rule (and a COG06xx twin for python_packages).</summary>
public enum CogFindingKind
{
    FrameworkPinRewritten,
    QualifiedPinKept,
    QualifiedPinTagReplaced,
    LocalTagContradictsConfig,
    LocalTagUnknownBuild,
    NoWheelForPython,
    RangeNotRewritten,
    CompanionPinMismatch,
    IndexOptionChangesRewrite,
    ExtrasDisableRewrite,
    CaseSensitiveName,
    PinRebuiltDropsParts,
    DottedNameTruncated,
    HashCutsLine,
    CommentContinuationSwallowsLine,
    LocalRequirementRefused,
    ConstraintFileNotShipped,
    ManagedPackageDropped,
    EditableSelf,
    CogError,
    CogWarning,
    UnknownFrameworkVersion,
    MovedToEnd,
    SpacedPinNotRewritten,
}
