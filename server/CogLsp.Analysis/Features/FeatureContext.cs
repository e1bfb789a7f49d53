using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Features;

/// <summary>The input of every editor feature: one document in one snapshot.</summary>
public sealed record FeatureContext(WorkspaceSnapshot Workspace, Document Document, CancellationToken CancellationToken);
