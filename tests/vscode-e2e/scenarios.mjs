// What the end-to-end test checks in a real VS Code, one row per scenario.
//
// A suite is one code-server session (see `suites` at the end):
//   fake — the extension runs tests/vscode-e2e/fake-server/fake-cog-lsp.mjs (a test
//          double, chosen through the cogLsp.server.path setting); it checks the
//          harness and the extension's plumbing, whatever the real server can do yet.
//   no-server — cogLsp.server.path names a file that does not exist.
//   real — the extension runs the cog-lsp server bundled in the .vsix. In both suites
//          code-server runs where the .NET installation is hidden (a mount namespace
//          with an empty folder over it), so the server cannot lean on an installed .NET.
// Each suite opens tests/vscode-e2e/workspaces/<suite>/ (copied to a temp dir, so
// quick fixes never change the repository). Paths below are relative to it.
//
// Row fields (all but name/suite/open are optional; steps run in this order):
//   enabled:   false to keep a row for a feature that has not landed yet
//   open:      file to open with Quick Open
//   notification: { expect, button?, expectOutput? } — wait for a notification containing
//              `expect`, press `button`, then wait for the output panel to show `expectOutput`
//   squiggle:  true = wait for at least one squiggle in the editor
//   problems:  texts that must each appear in a row of the Problems panel
//   hover:     { text, occurrence?, expect: [texts] } — put the cursor on the
//              occurrence of `text` in the file and show the hover (Ctrl+K Ctrl+I)
//   quickfix:  { at, occurrence?, title, expectText } — Ctrl+. at `at`, choose the
//              action whose title contains `title`, wait until the editor shows `expectText`
//   command:   { title, expectText } — run a command from the palette (F1) with the
//              file open, wait until the editor shows `expectText`
//   output:    texts that must each appear in the output channel "Cog Language Server" (read from
//              the log file VS Code keeps of it)
//   problemsAfter: { absent: [texts] } — after the steps above, no Problems row may contain these
//   images:    { step: 'file.png' } — also copy the screenshot of that step (squiggle, problems,
//              hover, code-actions, output, …) to <out>/images/; `run.sh --update-images` copies
//              those into client-vscode/images/, where the extension's README shows them
//
// Suite fields (see `suites` at the end): workspace, settings, package ('universal' installs the
// universal .vsix, without a server, instead of the linux-x64 one) and requireDotnetHidden (the
// suite fails unless code-server runs where every .NET folder is masked).
//   codeLens:  { expect, click?, expectPreview? } — wait for a code lens whose title contains `expect`;
//              with `click`, click it and wait until an editor (the preview opens beside) shows every
//              text of `expectPreview`; the preview's editor group is closed afterwards
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

  {
    name: 'no-server: a missing server gives a notification that leads to the log',
    suite: 'no-server',
    open: 'requirements/requirements.txt',
    notification: {
      expect: 'the language server could not be found',
      button: 'Show log',
      expectOutput: 'cogLsp.server.path points to "/nonexistent/cog-lsp"',
    },
  },

  {
    // The universal package has no server; on a machine without cog-lsp anywhere (PATH, the
    // .NET tool folder ~/.dotnet/tools) the user is told what was looked for and how to install.
    name: 'universal: no server anywhere: a notification says how to install one, the log lists where it looked',
    suite: 'universal',
    open: 'requirements/requirements.txt',
    notification: {
      expect: 'no cog-lsp was found on PATH or as a .NET tool',
      button: 'Show log',
      expectOutput: '.dotnet/tools/cog-lsp',
    },
    output: ['dotnet tool install --global CogLsp', 'looked for'],
  },

  // ------------------------------------------------------------------ real
  {
    name: 'real: YAML syntax error in cog.yaml',
    suite: 'real',
    open: 'yaml-error/cog.yaml',
    squiggle: true,
    problems: ['YAML syntax error'],
  },
  {
    name: 'real: deprecated python_packages is squiggled and listed',
    suite: 'real',
    open: 'python-packages/cog.yaml',
    squiggle: true,
    problems: ['build.python_packages is deprecated'],
  },
  {
    name: 'real: unqualified torch pin: requirements diagnostic and hover with the CUDA build',
    suite: 'real',
    open: 'torch-rewrite/requirements.txt',
    squiggle: true,
    problems: ['torch==1.11.0 will be installed as torch 1.11.0+cu113'],
    hover: { text: 'torch==1.11.0', expect: ['1.11.0+cu113', 'download.pytorch.org/whl/cu113'] },
    images: { problems: 'problems.png', hover: 'hover.png' },
  },
  {
    // The server that answered above is the one inside the linux-x64 .vsix, running with .NET
    // hidden (no dotnet on PATH, no DOTNET_ROOT, the .NET folders and ~/.dotnet masked).
    name: 'real: the self-contained server bundled in the .vsix is the one running',
    suite: 'real',
    open: 'yaml-error/cog.yaml',
    output: ['server/linux-x64/cog-lsp serve (found via bundled)', 'the Cog language server is running'],
  },
  // The row below waits for the requirements-file analyzers; enable it when they land.
  // `run.sh --include-disabled` runs them anyway.
  {
    name: 'real: migration quick fix for python_packages',
    suite: 'real',
    open: 'python-packages/cog.yaml',
    images: { 'code-actions': 'quickfix.png' },
    quickfix: {
      at: 'python_packages',
      title: 'Migrate python_packages to requirements.txt',
      expectText: 'python_requirements: requirements.txt',
      expectFiles: {
        'python-packages/requirements.txt': ['torch==1.11.0\nnumpy==1.26.4\n'],
        'python-packages/cog.yaml': ['  python_requirements: requirements.txt\npredict: "predict.py:Predictor"'],
      },
    },
    problemsAfter: { absent: ['build.python_packages is deprecated'] },
  },
  {
    name: 'real: Cog: Migrate python_packages command',
    suite: 'real',
    open: 'python-packages-command/cog.yaml',
    command: {
      title: 'Cog: Migrate python_packages',
      expectText: 'python_requirements: requirements.txt',
      expectFiles: { 'python-packages-command/requirements.txt': ['torch==1.11.0', 'numpy==1.26.4'] },
    },
  },
  {
    name: 'real: range pin in a requirements file is reported',
    suite: 'real',
    open: 'unpinned/requirements.txt',
    squiggle: true,
    problems: ['pin an exact version for reproducible builds'],
  },
  {
    // The real suite's settings name B200 in cogLsp.targetGpus (see `suites`); the server reads them after start.
    name: 'real: a target-GPU warning appears after setting cogLsp.targetGpus',
    suite: 'real',
    open: 'target-gpu/requirements.txt',
    squiggle: true,
    problems: ['has no kernels for B200 (sm_100)'],
    hover: { text: 'torch==2.4.1', expect: ['no kernels for: B200 (sm_100)'] },
  },
  {
    name: 'real: the build preview code lens is visible on requirements.txt',
    suite: 'real',
    open: 'torch-rewrite/requirements.txt',
    codeLens: { expect: 'Cog: Python 3.10 · CUDA 11.3 · cuDNN 8 · 1 package · nvidia/cuda:11.3.1-cudnn8-devel-ubuntu20.04' },
  },
  {
    name: 'real: clicking the build preview lens opens the preview with the torch rewrite',
    suite: 'real',
    open: 'torch-rewrite/requirements.txt',
    codeLens: {
      expect: 'Cog: Python 3.10 · CUDA 11.3',
      click: true,
      expectPreview: ['The requirements.txt Cog generates', '--extra-index-url https://download.pytorch.org/whl/cu113/', 'pip installs torch 1.11.0+cu113'],
    },
  },
];

// The suites: which workspace folder (under workspaces/) each opens and the user
// settings of its VS Code. The severity and inlay-hint values are echoed by the
// fake server's hover, which checks that they reach a server in the documented shape.
const common = {
  'cogLsp.severity': { COG0101: 'hint' },
  'cogLsp.inlayHints.enabled': false,
  'cogLsp.trace.server': 'messages',
  // The e2e runs offline: the package-index rules are covered against a loopback index by the .NET end-to-end tests.
  'cogLsp.index.enabled': false,
};
export const suites = {
  fake: { workspace: 'fake', settings: ({ fakeServer }) => ({ ...common, 'cogLsp.server.path': fakeServer }) },
  'no-server': { workspace: 'fake', settings: () => ({ ...common, 'cogLsp.server.path': '/nonexistent/cog-lsp' }) },
  universal: { workspace: 'fake', settings: () => common, package: 'universal', requireDotnetHidden: true },
  real: { workspace: 'real', settings: () => ({ ...common, 'cogLsp.targetGpus': ['B200'] }), requireDotnetHidden: true },
};
