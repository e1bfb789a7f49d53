/** A code action or command as returned by vscode.executeCodeActionProvider, reduced to what the choice needs. */
export interface ActionLike {
  readonly title: string;
  /** CodeActionKind value ("refactor.rewrite" for the server's python_packages migration, "quickfix" when it fixes a diagnostic); absent for plain commands. */
  readonly kind?: string;
}

const TITLE = /migrate\s+python_packages/i;

/**
 * Picks the python_packages migration among the actions offered at a position.
 * The title must name the migration ("Migrate python_packages ..."), because other
 * rewrites may be offered on the same line; among those, a refactor.rewrite action is
 * preferred over a quick fix, and either over an action of another kind. Returns -1 if none fits.
 */
export function pickMigrationAction(actions: readonly ActionLike[]): number {
  const isRewrite = (a: ActionLike) => a.kind === 'refactor.rewrite' || (a.kind ?? '').startsWith('refactor.rewrite.');
  const isQuickFix = (a: ActionLike) => a.kind === 'quickfix' || (a.kind ?? '').startsWith('quickfix.');
  let index = actions.findIndex(a => isRewrite(a) && TITLE.test(a.title));
  if (index < 0) index = actions.findIndex(a => isQuickFix(a) && TITLE.test(a.title));
  if (index < 0) index = actions.findIndex(a => TITLE.test(a.title));
  return index;
}

/** Line (0-based) of the python_packages key in a cog.yaml text, or -1; used when the cursor is elsewhere. */
export function findPythonPackagesLine(text: string): number {
  const lines = text.split(/\r?\n/);
  return lines.findIndex(line => /^\s*python_packages\s*:/.test(line));
}
