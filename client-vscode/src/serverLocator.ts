import * as path from 'path';

/** Where the server program was found; shown in the output channel so users can tell which binary runs. */
export type ServerSource = 'setting' | 'bundled' | 'path' | 'dotnet-tool';

export interface ServerLocation {
  readonly command: string;
  readonly source: ServerSource;
}

export interface LocateInputs {
  /** Folder the extension is installed in (holds server/<rid>/ in platform packages). */
  readonly extensionPath: string;
  /** process.platform / process.arch of the extension host. */
  readonly platform: string;
  readonly arch: string;
  /** The cogLsp.server.path setting, possibly empty. */
  readonly configuredPath: string | undefined;
  /** The PATH environment variable of the extension host. */
  readonly envPath: string | undefined;
  /** The user's home folder (os.homedir()); `dotnet tool install --global` puts tools in <home>/.dotnet/tools. */
  readonly homeDir: string | undefined;
  /** DOTNET_CLI_HOME, which moves the .NET tools folder to <DOTNET_CLI_HOME>/.dotnet/tools when set. */
  readonly dotnetCliHome: string | undefined;
  /** Whether a file exists at an absolute path (injected so the logic can be tested without a disk). */
  readonly isFile: (file: string) => boolean;
}

/** Outcome of the search: the server, or the list of places that were tried (for the error message). */
export type LocateResult =
  | { readonly ok: true; readonly location: ServerLocation }
  | { readonly ok: false; readonly tried: readonly string[]; readonly reason: string; readonly help: string };

/** What to tell users who have no server: every way to get one, in the order the search uses them. */
export const INSTALL_HELP =
  'Install the extension package for your platform (it bundles the server), or install the .NET tool ' +
  '(dotnet tool install --global CogLsp), or put a cog-lsp program on PATH, or set cogLsp.server.path to one.';

/**
 * Maps Node's platform/arch to the .NET runtime identifier that scripts/publish-server.sh
 * uses for the folder name under server/. Returns undefined for platforms we publish nothing for.
 */
export function runtimeIdentifier(platform: string, arch: string): string | undefined {
  const os = platform === 'linux' ? 'linux' : platform === 'darwin' ? 'osx' : platform === 'win32' ? 'win' : undefined;
  const cpu = arch === 'x64' ? 'x64' : arch === 'arm64' ? 'arm64' : undefined;
  return os && cpu ? `${os}-${cpu}` : undefined;
}

export function executableName(platform: string): string {
  return platform === 'win32' ? 'cog-lsp.exe' : 'cog-lsp';
}

/**
 * Finds the cog-lsp program. Order: an explicit cogLsp.server.path (an override is
 * what the user asked for, and it lets people try a newer server than the one bundled),
 * then the self-contained server inside the extension (platform packages), then `cog-lsp`
 * on PATH, then the global .NET tool (its folder is on PATH only in shells that the .NET
 * installer set up, and VS Code started from a desktop launcher often lacks it).
 * A configured path that does not exist is an error rather than a silent fallback,
 * so a typo in the setting is reported instead of hidden.
 */
export function locateServer(inputs: LocateInputs): LocateResult {
  const exe = executableName(inputs.platform);
  const tried: string[] = [];

  const configured = inputs.configuredPath?.trim();
  if (configured) {
    const resolved = path.resolve(configured);
    if (inputs.isFile(resolved)) return { ok: true, location: { command: resolved, source: 'setting' } };
    return {
      ok: false, tried: [resolved],
      reason: `cogLsp.server.path points to "${configured}", which is not a file.`,
      help: 'Correct the setting, or clear it to use the bundled server or the one on PATH.',
    };
  }

  const rid = runtimeIdentifier(inputs.platform, inputs.arch);
  if (rid) {
    const bundled = path.join(inputs.extensionPath, 'server', rid, exe);
    tried.push(bundled);
    if (inputs.isFile(bundled)) return { ok: true, location: { command: bundled, source: 'bundled' } };
  }

  const separator = inputs.platform === 'win32' ? ';' : ':';
  for (const dir of (inputs.envPath ?? '').split(separator)) {
    if (!dir) continue;
    const candidate = path.join(dir, exe);
    tried.push(candidate);
    if (inputs.isFile(candidate)) return { ok: true, location: { command: candidate, source: 'path' } };
  }

  const toolsBase = inputs.dotnetCliHome?.trim() || inputs.homeDir?.trim();
  if (toolsBase) {
    const tool = path.join(toolsBase, '.dotnet', 'tools', exe);
    if (!tried.includes(tool)) {
      tried.push(tool);
      if (inputs.isFile(tool)) return { ok: true, location: { command: tool, source: 'dotnet-tool' } };
    }
  }

  const reason = rid
    ? `This extension package carries no server for ${rid}, and no cog-lsp was found on PATH or as a .NET tool.`
    : `There is no bundled server for ${inputs.platform}-${inputs.arch}, and no cog-lsp was found on PATH or as a .NET tool.`;
  return { ok: false, tried, reason, help: INSTALL_HELP };
}
