import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, State } from 'vscode-languageclient/node';
import { canChangePreview, PREVIEW_SCHEME, SERVER_PREVIEW_COMMAND } from './previewTarget';

/** How long the preview waits after the last keystroke before it asks the server again. */
const REFRESH_DELAY_MS = 300;

/**
 * The build preview as read-only virtual documents (`cog-preview:` URIs, Markdown): the text is the
 * answer of the server's `cogLsp.preview` command for the file in the URI's query. An open preview is
 * asked for again when a cog.yaml or a requirements file is edited or saved (the server resolves from its
 * snapshot, which holds unsaved edits too).
 */
export class BuildPreview implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  readonly onDidChange = this.changed.event;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.subscriptions.push(
      this.changed,
      vscode.workspace.onDidChangeTextDocument(e => this.onEdited(e.document)),
      vscode.workspace.onDidSaveTextDocument(d => this.onEdited(d)),
    );
  }

  /** The preview URI for a cog.yaml (or requirements file) URI; its name is what the editor tab shows, and `.md` makes it Markdown. */
  static uriFor(source: vscode.Uri): vscode.Uri {
    const folder = source.path.slice(0, source.path.lastIndexOf('/') + 1);
    return vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `${folder}Cog build preview.md`, query: source.toString() });
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const running = this.client();
    if (!running || running.state !== State.Running) return '# Cog build preview\n\nThe Cog language server is not running.\n';
    try {
      const text = await running.sendRequest(ExecuteCommandRequest.type, { command: SERVER_PREVIEW_COMMAND, arguments: [uri.query] }, token);
      return typeof text === 'string' ? text : '# Cog build preview\n\nThe server gave no preview.\n';
    } catch (e) {
      return `# Cog build preview\n\nThe server could not make the preview: ${e instanceof Error ? e.message : String(e)}\n`;
    }
  }

  /** Opens (or refreshes) the preview of `source` beside the active editor, keeping the focus where it is. */
  async open(source: vscode.Uri): Promise<void> {
    const uri = BuildPreview.uriFor(source);
    if (vscode.workspace.textDocuments.some(d => d.uri.toString() === uri.toString())) this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }

  private onEdited(document: vscode.TextDocument): void {
    if (document.uri.scheme === PREVIEW_SCHEME || !canChangePreview(document.uri.path, document.languageId)) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const open of vscode.workspace.textDocuments) {
        if (open.uri.scheme === PREVIEW_SCHEME) this.changed.fire(open.uri);
      }
    }, REFRESH_DELAY_MS);
  }
}
