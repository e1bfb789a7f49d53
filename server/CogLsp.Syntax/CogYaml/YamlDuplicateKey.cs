namespace CogLsp.Syntax.CogYaml;

/// <summary>A key written twice in one mapping: <see cref="Duplicate"/> is the later entry, <see cref="First"/> the earlier one.</summary>
public sealed record YamlDuplicateKey(YamlMapping Mapping, YamlEntry First, YamlEntry Duplicate);
