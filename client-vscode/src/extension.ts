import * as fs from 'fs';
import * as os from 'os';
import * as vscode from 'vscode';
import {
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandler,
  LanguageClient,
  LanguageClientOptions,
  Message,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';
import { BuildPreview } from './buildPreview';
import { findPythonPackagesLine, pickMigrationAction } from './migration';
import { OPEN_PREVIEW_COMMAND, PREVIEW_SCHEME, retargetLensCommand } from './previewTarget';
import { locateServer, ServerLocation } from './serverLocator';
import { answerConfigurationItem, toServerSettings } from './settings';

const CLIENT_ID = 'cogLsp';
const CLIENT_NAME = 'Cog Language Server';

/** The server's file globs of every document kind, in its order; a server test checks the two agree. */
export const WATCHED_GLOBS = ['**/cog.yaml', '**/cog.yml', '**/requirements*.txt', '**/requirements/*.txt', '**/constraints*.txt', '**/?*.in'];

/**
 * The files the server analyses: cog.yaml (kept in VS Code's YAML language) and pip requirements files
 * (the pip-requirements language, whose filenamePatterns are in package.json). The cog.yaml patterns are
 * the server's globs for that kind, one per entry; a server test checks the two agree.
 */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'yaml', pattern: '**/cog.yaml' },
  { scheme: 'file', language: 'yaml', pattern: '**/cog.yml' },
  { scheme: 'file', language: 'pip-requirements' },
  { scheme: 'untitled', language: 'pip-requirements' },
];

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let extensionContext: vscode.ExtensionContext;
let buildPreview: BuildPreview;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionContext = context;
  output = vscode.window.createOutputChannel(CLIENT_NAME);
  buildPreview = new BuildPreview(() => client);
  context.subscriptions.push(
    output,
    buildPreview,
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, buildPreview),
    vscode.commands.registerCommand(OPEN_PREVIEW_COMMAND, openPreview),
    vscode.commands.registerCommand('cogLsp.restartServer', restartServer),
    vscode.commands.registerCommand('cogLsp.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('cogLsp.migratePythonPackages', migratePythonPackages),
    vscode.workspace.onDidChangeConfiguration(onConfigurationChanged),
  );
  await startServer();
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop().catch(() => undefined);
}

function readSetting(key: string, scope?: vscode.ConfigurationScope): unknown {
  return vscode.workspace.getConfiguration('cogLsp', scope).get(key);
}

function findServer(): ServerLocation | undefined {
  const result = locateServer({
    extensionPath: extensionContext.extensionPath,
    platform: process.platform,
    arch: process.arch,
    configuredPath: readSetting('server.path') as string | undefined,
    envPath: process.env.PATH,
    homeDir: os.homedir(),
    dotnetCliHome: process.env.DOTNET_CLI_HOME,
    isFile: file => {
      try { return fs.statSync(file).isFile(); } catch { return false; }
    },
  });
  if (result.ok) return result.location;
  output.appendLine(`[error] cannot start the Cog language server: ${result.reason}`);
  output.appendLine(`        ${result.help}`);
  for (const place of result.tried) output.appendLine(`        looked for ${place}`);
  void showServerError(`Cog: the language server could not be found. ${result.reason} ${result.help}`);
  return undefined;
}

/** A server copied out of a .vsix may lose its executable bit; restore it rather than fail to spawn. */
function ensureExecutable(file: string): void {
  if (process.platform === 'win32') return;
  try {
    const mode = fs.statSync(file).mode;
    if ((mode & 0o111) === 0) fs.chmodSync(file, mode | 0o755);
  } catch (e) {
    output.appendLine(`[warn] could not make ${file} executable: ${String(e)}`);
  }
}

async function showServerError(message: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message, 'Show log', 'Restart');
  if (choice === 'Show log') output.show(true);
  if (choice === 'Restart') await restartServer();
}

/**
 * Keeps the client's own restart limits (its default handler restarts a crashed
 * server up to four times within three minutes, then gives up) and replaces only the
 * final generic message with a notification that leads to the log.
 */
function notifyWhenGivingUp(fallback: ErrorHandler): ErrorHandler {
  return {
    error: (error: Error, message: Message | undefined, count: number | undefined) => fallback.error(error, message, count),
    async closed(): Promise<CloseHandlerResult> {
      const result = await fallback.closed();
      if (result.action === CloseAction.DoNotRestart) {
        output.appendLine('[error] the Cog language server stopped repeatedly and will not be restarted automatically.');
        void showServerError('Cog: the language server crashed several times and was stopped. The log has the details.');
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      output.appendLine('[warn] the Cog language server stopped unexpectedly; restarting it.');
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

async function startServer(): Promise<void> {
  const location = findServer();
  if (!location) return;
  ensureExecutable(location.command);
  output.appendLine(`[info] starting ${location.command} serve (found via ${location.source})`);

  // No `transport` on purpose: with TransportKind.stdio the client appends "--stdio" to
  // the arguments, which `cog-lsp serve` does not take; stdio is the default anyway.
  const executable = { command: location.command, args: ['serve'] };
  const serverOptions: ServerOptions = { run: executable, debug: executable };
  // Filled in right after the client exists: the default handler is made by the client itself.
  let handler: ErrorHandler | undefined;
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    synchronize: {
      // The server re-reads cog.yaml and requirements files that change on disk while closed.
      fileEvents: WATCHED_GLOBS.map(glob => vscode.workspace.createFileSystemWatcher(glob)),
    },
    initializationOptions: () => toServerSettings(key => readSetting(key)),
    errorHandler: {
      error: (e, m, c) => (handler ? handler.error(e, m, c) : { action: ErrorAction.Continue }),
      closed: () => (handler ? handler.closed() : { action: CloseAction.DoNotRestart }),
    },
    middleware: {
      // The server's lenses name its cogLsp.preview command, which only returns text; run ours, which shows it.
      provideCodeLenses: async (document, token, next) => {
        const lenses = await next(document, token);
        for (const lens of lenses ?? []) {
          if (lens.command) lens.command = retargetLensCommand(lens.command);
        }
        return lenses;
      },
      workspace: {
        // The server asks for section "cogLsp" and expects the flat shape of ServerSettings.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return params.items.map((item, i) => {
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            const mine = answerConfigurationItem(item.section, key => readSetting(key, scope));
            return mine === undefined ? answers[i] : mine;
          });
        },
      },
    },
  };

  const created = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  handler = notifyWhenGivingUp(created.createDefaultErrorHandler(4));
  client = created;
  try {
    await created.start();
    output.appendLine('[info] the Cog language server is running');
  } catch (e) {
    output.appendLine(`[error] the Cog language server did not start: ${e instanceof Error ? e.message : String(e)}`);
    void showServerError(`Cog: the language server (${location.command}) did not start.`);
  }
}

async function restartServer(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    output.appendLine('[info] restarting the Cog language server');
    try {
      if (running.state !== State.Stopped) await running.stop();
    } catch (e) {
      output.appendLine(`[warn] stopping the old server failed: ${String(e)}`);
    }
    await running.dispose().catch(() => undefined);
  }
  await startServer();
}

async function onConfigurationChanged(event: vscode.ConfigurationChangeEvent): Promise<void> {
  if (!event.affectsConfiguration('cogLsp')) return;
  if (event.affectsConfiguration('cogLsp.server.path')) {
    await restartServer();
    return;
  }
  // Push the new settings; servers that pull with workspace/configuration on this
  // notification get the same shape back from the middleware above.
  if (client && client.state === State.Running) {
    await client.sendNotification('workspace/didChangeConfiguration', {
      settings: { cogLsp: toServerSettings(key => readSetting(key)) },
    });
  }
}

/** Opens the build preview of a cog.yaml (the lens's argument) or of the active cog.yaml/requirements file. */
async function openPreview(target?: string): Promise<void> {
  const source = typeof target === 'string' ? vscode.Uri.parse(target) : vscode.window.activeTextEditor?.document.uri;
  if (!source || source.scheme === PREVIEW_SCHEME) {
    void vscode.window.showInformationMessage('Cog: open a cog.yaml or the requirements file it uses to preview its build.');
    return;
  }
  await buildPreview.open(source);
}

/**
 * Asks the server for the python_packages migration at the cursor (or at the
 * python_packages key when the cursor is elsewhere in cog.yaml) and applies it.
 */
async function migratePythonPackages(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !/^cog\.ya?ml$/.test(editor.document.uri.path.split('/').pop() ?? '')) {
    void vscode.window.showInformationMessage('Cog: open a cog.yaml to migrate its python_packages.');
    return;
  }
  const document = editor.document;
  const ranges: vscode.Range[] = [editor.selection];
  const keyLine = findPythonPackagesLine(document.getText());
  if (keyLine >= 0) ranges.push(document.lineAt(keyLine).range);

  for (const range of ranges) {
    const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', document.uri, range, undefined, 10)) ?? [];
    const summary = actions.map(a => ({ title: a.title, kind: 'kind' in a && a.kind ? a.kind.value : undefined }));
    const index = pickMigrationAction(summary);
    if (index < 0) continue;
    const chosen = actions[index];
    if (typeof chosen.command !== 'string') {
      // A CodeAction (its optional command is an object); a bare Command has a string id.
      const action = chosen as vscode.CodeAction;
      if (action.edit) {
        const applied = await vscode.workspace.applyEdit(action.edit);
        if (!applied) { void vscode.window.showErrorMessage('Cog: the migration edit could not be applied.'); return; }
      }
      if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    } else {
      const command = chosen as vscode.Command;
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    }
    return;
  }
  void vscode.window.showInformationMessage('Cog: this cog.yaml has no python_packages to migrate (or the server offers no migration here).');
}
