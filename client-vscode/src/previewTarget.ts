/** The server command that returns the build preview text for a cog.yaml (or requirements file) URI. */
export const SERVER_PREVIEW_COMMAND = 'cogLsp.preview';

/** The extension's command that opens the preview beside the editor; the server's code lenses are pointed at it. */
export const OPEN_PREVIEW_COMMAND = 'cogLsp.openPreview';

/** The scheme of the read-only preview documents; the query holds the cog.yaml (or requirements file) URI. */
export const PREVIEW_SCHEME = 'cog-preview';

export interface CommandLike {
  readonly title: string;
  readonly command: string;
  readonly arguments?: unknown[];
}

/**
 * A lens whose command is the server's `cogLsp.preview` would only fetch the text (the language client
 * runs server commands through workspace/executeCommand and drops the result), so the extension points
 * it at its own command, which fetches the text and shows it. Other commands are kept as they are.
 */
export function retargetLensCommand<T extends CommandLike>(command: T): T {
  return command.command === SERVER_PREVIEW_COMMAND ? { ...command, command: OPEN_PREVIEW_COMMAND } : command;
}

/** True for an edited document that can change a build preview: a cog.yaml/cog.yml or a pip requirements file. */
export function canChangePreview(path: string, languageId: string): boolean {
  return /(^|\/)cog\.ya?ml$/.test(path) || languageId === 'pip-requirements';
}
