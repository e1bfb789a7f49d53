// What the end-to-end test checks in a real VS Code, one row per scenario.
//
// A suite is one code-server session:
//   fake — the extension runs tests/vscode-e2e/fake-server/fake-cog-lsp.mjs (a test
//          double, chosen through the cogLsp.server.path setting); it checks the
//          harness and the extension's plumbing, whatever the real server can do yet.
//   real — the extension runs the cog-lsp server bundled in the .vsix. In both suites
//          code-server runs where the .NET installation is hidden (a mount namespace
//          with an empty folder over it), so the server cannot lean on an installed .NET.
// Each suite opens tests/vscode-e2e/workspaces/<suite>/ (copied to a temp dir, so
// quick fixes never change the repository). Paths below are relative to it.
//
// Row fields (all but name/suite/open are optional; steps run in this order):
//   enabled:   false to keep a row for a feature that has not landed yet
//   open:      file to open with Quick Open
//   squiggle:  true = wait for at least one squiggle in the editor
//   problems:  texts that must each appear in a row of the Problems panel
//   hover:     { text, occurrence?, expect: [texts] } — put the cursor on the
//              occurrence of `text` in the file and show the hover (Ctrl+K Ctrl+I)
//   quickfix:  { at, occurrence?, title, expectText } — Ctrl+. at `at`, choose the
//              action whose title contains `title`, wait until the editor shows `expectText`
//   command:   { title, expectText } — run a command from the palette (F1) with the
//              file open, wait until the editor shows `expectText`
//   problemsAfter: { absent: [texts] } — after the steps above, no Problems row may contain these
export const scenarios = [
  // ------------------------------------------------------------------ fake
  {
    name: 'fake: squiggle, problem row and hover on cog.yaml',
    suite: 'fake',
    open: 'migrate-quickfix/cog.yaml',
    squiggle: true,
    problems: ['fake-server: python_packages is deprecated'],
    hover: {
      text: 'python_packages',
      // The hover also proves that the settings reached the server in the
      // documented shape and that the server runs without dotnet on PATH.
      expect: ['fake-server hover', 'python_packages', '"inlayHints":false', '"COG0101":"hint"', 'dotnet-on-path: no'],
    },
  },
  {
    name: 'fake: migration quick fix from the light-bulb menu',
    suite: 'fake',
    open: 'migrate-quickfix/cog.yaml',
    quickfix: { at: 'python_packages', title: 'Migrate python_packages', expectText: 'python_requirements: requirements.txt' },
    problemsAfter: { absent: ['fake-server: python_packages is deprecated'] },
  },
  {
    name: 'fake: Cog: Migrate python_packages command',
    suite: 'fake',
    open: 'migrate-command/cog.yaml',
    problems: ['fake-server: python_packages is deprecated'],
    command: { title: 'Cog: Migrate python_packages', expectText: 'python_requirements: requirements.txt' },
  },
  {
    name: 'fake: requirements.txt is a pip-requirements file served by the extension',
    suite: 'fake',
    open: 'requirements/requirements.txt',
    problems: ['fake-server: torch pin seen in a requirements file'],
    hover: { text: 'torch==1.11.0', expect: ['(pip-requirements)'] },
  },

  // ------------------------------------------------------------------ real
  {
    name: 'real: YAML syntax error in cog.yaml',
    suite: 'real',
    open: 'yaml-error/cog.yaml',
    squiggle: true,
    problems: ['YAML syntax error'],
  },
  // The rows below wait for server features; the lead enables them (and adjusts
  // the expected texts to the real messages) as the features land.
  {
    enabled: false,
    name: 'real: deprecated python_packages squiggle and migration quick fix',
    suite: 'real',
    open: 'python-packages/cog.yaml',
    squiggle: true,
    problems: ['python_packages'],
    quickfix: { at: 'python_packages', title: 'Migrate python_packages', expectText: 'python_requirements: requirements.txt' },
  },
  {
    enabled: false,
    name: 'real: hover on an unqualified torch pin shows the CUDA build',
    suite: 'real',
    open: 'torch-rewrite/requirements.txt',
    hover: { text: 'torch==1.11.0', expect: ['1.11.0+cu113', 'download.pytorch.org/whl/cu113'] },
  },
  {
    enabled: false,
    name: 'real: requirements-file diagnostic on a range pin',
    suite: 'real',
    open: 'unpinned/requirements.txt',
    squiggle: true,
    problems: ['requests'],
  },
];

// Settings given to each suite's VS Code (user settings.json).
export function suiteSettings(suite, { fakeServer }) {
  const common = {
    // Severity and inlay-hint values that the fake server echoes in its hover.
    'cogLsp.severity': { COG0101: 'hint' },
    'cogLsp.inlayHints.enabled': false,
    'cogLsp.trace.server': 'messages',
  };
  if (suite === 'fake') return { ...common, 'cogLsp.server.path': fakeServer };
  return common;
}
