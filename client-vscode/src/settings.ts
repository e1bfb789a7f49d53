/**
 * The settings object the server reads with workspace/configuration (section "cogLsp").
 * VS Code stores the settings nested by their dotted names (cogLsp.inlayHints.enabled);
 * the server wants the flat shape below, documented in README.md.
 */
export interface ServerSettings {
  /** Diagnostic code → severity; "off" hides the diagnostic. Unknown values are dropped. */
  severity: Record<string, SeverityOverride>;
  inlayHints: boolean;
  trace: TraceLevel;
  /** GPU names or compute capabilities; the server warns about names it does not know. */
  targetGpus: string[];
  /** Package indexes: on by default; the URLs only when set (the server's defaults are PyPI and download.pytorch.org). */
  index: IndexSettings;
}

export interface IndexSettings {
  enabled: boolean;
  url?: string;
  pytorchUrl?: string;
}

export type SeverityOverride = 'error' | 'warning' | 'information' | 'hint' | 'off';
export type TraceLevel = 'off' | 'messages' | 'verbose';

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint', 'off']);
const TRACE_LEVELS: ReadonlySet<string> = new Set(['off', 'messages', 'verbose']);

/** Reads one setting; implemented over vscode.WorkspaceConfiguration in the extension and over a plain object in tests. */
export type SettingReader = (key: string) => unknown;

/**
 * Builds the server's settings from the cogLsp.* values. Values of the wrong type fall back
 * to the defaults instead of reaching the server, because a hand-edited settings.json can hold anything.
 */
export function toServerSettings(read: SettingReader): ServerSettings {
  const severity: Record<string, SeverityOverride> = {};
  const rawSeverity = read('severity');
  if (rawSeverity && typeof rawSeverity === 'object' && !Array.isArray(rawSeverity)) {
    for (const [code, value] of Object.entries(rawSeverity as Record<string, unknown>)) {
      if (typeof value !== 'string') continue;
      const normalized = value.trim().toLowerCase();
      // "info" is what people type; the LSP name is "information".
      const canonical = normalized === 'info' ? 'information' : normalized;
      if (SEVERITIES.has(canonical)) severity[code.trim().toUpperCase()] = canonical as SeverityOverride;
    }
  }
  const inlay = read('inlayHints.enabled');
  const trace = read('trace.server');
  const enabled = read('index.enabled');
  const index: IndexSettings = { enabled: typeof enabled === 'boolean' ? enabled : true };
  const url = read('index.url');
  if (typeof url === 'string' && url.trim() !== '') index.url = url.trim();
  const pytorchUrl = read('index.pytorchUrl');
  if (typeof pytorchUrl === 'string' && pytorchUrl.trim() !== '') index.pytorchUrl = pytorchUrl.trim();
  const gpus = read('targetGpus');
  return {
    severity,
    inlayHints: typeof inlay === 'boolean' ? inlay : true,
    trace: typeof trace === 'string' && TRACE_LEVELS.has(trace) ? (trace as TraceLevel) : 'off',
    index,
    targetGpus: Array.isArray(gpus) ? gpus.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : [],
  };
}

/**
 * Answers one workspace/configuration item. The server asks for the section "cogLsp";
 * a request for a sub-section ("cogLsp.severity") gets that part only. Returns
 * undefined for sections this extension does not own, so the caller can fall back.
 */
export function answerConfigurationItem(section: string | undefined, read: SettingReader): unknown {
  if (section === undefined || section === '') return undefined;
  if (section === 'cogLsp') return toServerSettings(read);
  if (section.startsWith('cogLsp.')) {
    const settings = toServerSettings(read) as unknown as Record<string, unknown>;
    const key = section.slice('cogLsp.'.length);
    return key in settings ? settings[key] : null;
  }
  return undefined;
}
