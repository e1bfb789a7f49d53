#!/usr/bin/env node
// Runs the scenarios of scenarios.mjs in a real VS Code: code-server on 127.0.0.1
// with the extension's .vsix installed, shown in Debian's headless Chromium and
// driven with playwright-core through the keyboard, as a person would use it.
//
//   node drive.mjs --cache DIR --vsix FILE [--vsix-universal FILE] --out DIR [--suite fake,no-server,real] [--only TEXT] [--include-disabled yes] [--timeout MS]
//
// DIR is what setup.sh prepared. Screenshots, logs and result.json go to --out,
// one folder per scenario. The last line printed is "N passed, M failed"; the exit
// code is 1 when a scenario failed.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarios, suites } from './scenarios.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const options = parseOptions(process.argv.slice(2));
const CACHE = path.resolve(options.cache || process.env.COG_LSP_E2E_CACHE || '/var/tmp/cog-lsp-vscode-e2e');
const OUT = path.resolve(options.out || path.join(HERE, '../../test-results/vscode-e2e'));
const VSIX = options.vsix && path.resolve(options.vsix);
// The universal package (no server inside), for the suites whose `package` is 'universal'.
const VSIX_UNIVERSAL = options['vsix-universal'] && path.resolve(options['vsix-universal']);
const SUITES = (options.suite || Object.keys(suites).join(',')).split(',').filter(Boolean);
for (const suite of SUITES) if (!suites[suite]) fatal(`unknown suite ${suite}; known: ${Object.keys(suites).join(', ')}`);
const TIMEOUT = Number(options.timeout || 60000);
const FAKE_SERVER = path.join(HERE, 'fake-server/fake-cog-lsp.mjs');
const ENTRY = path.join(CACHE, 'node_modules/code-server/out/node/entry.js');

if (!VSIX || !fs.existsSync(VSIX)) fatal(`--vsix FILE is required and must exist (got ${options.vsix})`);
if (SUITES.some(s => suites[s].package === 'universal') && !(VSIX_UNIVERSAL && fs.existsSync(VSIX_UNIVERSAL))) {
  fatal(`suites ${SUITES.filter(s => suites[s].package === 'universal').join(', ')} need --vsix-universal FILE (got ${options['vsix-universal']})`);
}
if (!fs.existsSync(ENTRY)) fatal(`no code-server in ${CACHE}; run tests/vscode-e2e/setup.sh first`);
const { chromium } = createRequire(path.join(CACHE, 'package.json'))('playwright-core');

const started = Date.now();
const log = (...args) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s]`, ...args);
function fatal(message) { console.error(`drive.mjs: ${message}`); process.exit(2); }

function parseOptions(argv) {
  const result = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) fatal(`unexpected argument ${argv[i]}`);
    result[m[1]] = m[2] ?? argv[++i];
  }
  return result;
}

// ------------------------------------------------------------------ processes
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); });
  });
}

/**
 * A PATH for code-server (and so for the extension host and the language server)
 * that holds only the programs VS Code needs, and in particular no `dotnet`: the
 * bundled server must run on a machine without .NET, like a Cog user's.
 */
function minimalPath(state) {
  const bin = path.join(state, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  for (const tool of ['node', 'sh', 'bash', 'env', 'git', 'ps', 'uname', 'rg']) {
    const found = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    if (found && !fs.existsSync(path.join(bin, tool))) fs.symlinkSync(fs.realpathSync(found), path.join(bin, tool));
  }
  return bin;
}

function serverEnvironment(state) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    // Nothing from an outer VS Code, no .NET location hints, no display.
    if (k.startsWith('VSCODE_') || k.startsWith('DOTNET_') || k.startsWith('NUGET_') || k === 'DISPLAY') continue;
    env[k] = v;
  }
  env.PATH = minimalPath(state);
  // Keep code-server's config, logs and caches out of $HOME.
  env.XDG_CONFIG_HOME = path.join(state, 'xdg/config');
  env.XDG_DATA_HOME = path.join(state, 'xdg/data');
  env.XDG_CACHE_HOME = path.join(state, 'xdg/cache');
  env.HOME = path.join(state, 'home');
  fs.mkdirSync(env.HOME, { recursive: true });
  return env;
}

/**
 * The folder of the .NET installation on this machine (e.g. /usr/share/dotnet), or null.
 * code-server is started where this folder looks empty, so neither the extension nor
 * the server can use a .NET runtime or SDK, like on a Cog user's machine.
 */
function dotnetHome() {
  const found = spawnSync('bash', ['-c', 'command -v dotnet'], { encoding: 'utf8' }).stdout.trim();
  return found ? path.dirname(fs.realpathSync(found)) : null;
}

/**
 * Wraps a command so it runs in its own mount namespace with a tmpfs over the .NET
 * folder. Needs root (CI and the developer machines here run as root); elsewhere the
 * command runs as is and result.json says that .NET stayed visible.
 */
function which(tool) {
  return spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim() || null;
}

/**
 * Every folder through which a .NET runtime, SDK or global tool could be reached: the installation
 * that `dotnet` on PATH belongs to, DOTNET_ROOT, and the user's ~/.dotnet (where global tools such
 * as an installed cog-lsp live; the extension looks there when it has no bundled server).
 */
function dotnetFolders() {
  const found = [dotnetHome(), process.env.DOTNET_ROOT, path.join(os.homedir(), '.dotnet')]
    .filter(dir => dir && fs.existsSync(dir)).map(dir => fs.realpathSync(dir));
  return [...new Set(found)];
}

function withoutDotnet(command, args) {
  const folders = dotnetFolders();
  if (!folders.length) return { command, args, dotnet: 'not installed', hidden: true };
  const [unshare, mount, sh] = [which('unshare'), which('mount'), which('sh')];
  if (!unshare || !mount || !sh) return { command, args, dotnet: `visible (no unshare/mount to hide ${folders.join(', ')})`, hidden: false };
  // Mounts an empty tmpfs over each folder given as an argument, then runs the rest of the arguments.
  const script = `n=$1; shift; i=0; while [ $i -lt $n ]; do ${mount} -t tmpfs -o size=1m cog-lsp-e2e-no-dotnet "$1" || exit 97; shift; i=$((i+1)); done; exec "$@"`;
  const wrap = (...rest) => ['--mount', '--propagation', 'private', '--', sh, '-c', script, 'hide-dotnet', String(folders.length), ...folders, ...rest];
  const probe = spawnSync(unshare, wrap(sh, '-c', `for d in "$@"; do [ -z "$(ls -A "$d")" ] || exit 1; done; ! command -v dotnet >/dev/null 2>&1 || [ ! -e "$(command -v dotnet)" ]`, 'probe', ...folders), { encoding: 'utf8' });
  if (probe.status !== 0) return { command, args, dotnet: `visible (cannot hide ${folders.join(', ')}: ${(probe.stderr || '').trim() || `exit ${probe.status}`})`, hidden: false };
  return { command: unshare, args: wrap(command, ...args), dotnet: `hidden (${folders.join(', ')} masked)`, hidden: true };
}

function codeServerArgs(state) {
  return ['--config', path.join(state, 'config.yaml'), '--user-data-dir', path.join(state, 'user-data'),
    '--extensions-dir', path.join(state, 'extensions')];
}

async function startCodeServer(suite, workspace, outDir) {
  const state = fs.mkdtempSync(path.join(os.tmpdir(), `cog-lsp-e2e-${suite}-`));
  fs.writeFileSync(path.join(state, 'config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  const userDir = path.join(state, 'user-data/User');
  fs.mkdirSync(userDir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'workbench.enableExperiments': false,
    'workbench.tips.enabled': false,
    'git.enabled': false,
    'files.hotExit': 'off',
    'editor.hover.delay': 100,
    ...suites[suite].settings({ fakeServer: FAKE_SERVER }),
  };
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(settings, null, 2));
  const env = serverEnvironment(state);

  const vsix = suites[suite].package === 'universal' ? VSIX_UNIVERSAL : VSIX;
  const install = spawnSync(process.execPath, [ENTRY, ...codeServerArgs(state), '--install-extension', vsix, '--force'],
    { env, encoding: 'utf8', timeout: 180000 });
  fs.writeFileSync(path.join(outDir, 'install-extension.log'), `${install.stdout}\n${install.stderr}`);
  if (install.status !== 0 || !/successfully installed/i.test(install.stdout + install.stderr)) {
    throw new Error(`installing ${vsix} failed; see ${outDir}/install-extension.log`);
  }
  log(`${suite}: installed ${path.basename(vsix)}`);

  const port = await freePort();
  const logFd = fs.openSync(path.join(outDir, 'code-server.log'), 'a');
  const launch = withoutDotnet(process.execPath, [ENTRY, ...codeServerArgs(state), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace]);
  log(`${suite}: .NET for code-server and the language server: ${launch.dotnet}`);
  if (suites[suite].requireDotnetHidden && !launch.hidden) {
    throw new Error(`this suite must run with .NET hidden, but .NET is ${launch.dotnet} (run as root where unshare and mount work)`);
  }
  const child = spawn(launch.command, launch.args, { env, stdio: ['ignore', logFd, logFd], detached: true });
  let exitInfo = null;
  child.on('exit', (code, signal) => { exitInfo = `code-server exited early (code ${code}, signal ${signal})`; });
  child.on('error', e => { exitInfo = `code-server could not be started: ${e.message}`; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    if (exitInfo) throw new Error(`${exitInfo}; see ${outDir}/code-server.log`);
    try { if ((await fetch(`${url}/healthz`)).ok) break; } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${url}`);
    await sleep(250);
  }
  log(`${suite}: code-server ready on ${url}`);
  return {
    url, state, dotnet: launch.dotnet,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise(resolve => child.once('exit', resolve));
        try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
        const kill = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
        await gone;
        clearTimeout(kill);
      }
      const logs = path.join(state, 'user-data/logs');
      if (fs.existsSync(logs)) fs.cpSync(logs, path.join(outDir, 'vscode-logs'), { recursive: true });
      fs.rmSync(state, { recursive: true, force: true });
    },
  };
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function waitUntil(what, probe, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(250);
  }
}

// ------------------------------------------------------------------ workbench
const EDITOR = '.editor-group-container.active .monaco-editor';
const QUICK_INPUT = '.quick-input-widget .quick-input-box input';

async function openQuickInput(page, key, text) {
  const input = page.locator(QUICK_INPUT);
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(key);
    if (await input.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false)) break;
    if (attempt === 4) throw new Error(`${key} did not open the quick input`);
  }
  await input.fill(text);
}

async function openFile(page, relative) {
  const base = path.basename(relative);
  const dir = path.dirname(relative);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  const labels = () => rows.evaluateAll(els => els.map(e => e.getAttribute('aria-label') || e.textContent || ''));
  const isTarget = label => label.includes(base) && (dir === '.' || label.includes(dir));
  await openQuickInput(page, 'Control+P', relative);
  // The list fills in while the file search runs; choose with the keyboard once the
  // row of this file is there and the list has stopped changing.
  let previous = null;
  const index = await waitUntil(`Quick Open to list ${relative}`, async () => {
    const now = await labels();
    const i = now.findIndex(isTarget);
    const stable = previous !== null && JSON.stringify(now) === JSON.stringify(previous);
    previous = now;
    return i >= 0 && (i === 0 || stable) ? i + 1 : 0;
  });
  for (let i = 1; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active').filter({ hasText: base }).waitFor({ timeout: TIMEOUT });
  await page.locator(`${EDITOR} .view-lines`).waitFor({ timeout: TIMEOUT });
}

/** Puts the cursor at the start of the N-th occurrence of `text` in the file as it is on disk. */
async function goTo(page, file, text, occurrence = 1) {
  const source = fs.readFileSync(file, 'utf8');
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = source.indexOf(text, at + 1);
    if (at < 0) throw new Error(`"${text}" (occurrence ${occurrence}) is not in ${file}`);
  }
  const before = source.slice(0, at).split('\n');
  const line = before.length, column = before[before.length - 1].length + 1;
  await openQuickInput(page, 'Control+P', `:${line}:${column + 1}`);
  await page.keyboard.press('Enter');
  await sleep(200);
}

async function squiggles(page) {
  return page.locator(`${EDITOR} .view-overlays [class*="squiggly-"]`).count();
}

async function problemRows(page) {
  return page.locator('.markers-panel .monaco-list-row').evaluateAll(els => els.map(e => (e.getAttribute('aria-label') || e.textContent || '').trim()));
}

async function showProblems(page) {
  if (!(await page.locator('.markers-panel').isVisible().catch(() => false))) {
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor({ timeout: TIMEOUT });
  }
}

async function editorText(page) {
  return page.locator(`${EDITOR} .view-lines`).evaluate(el => el.innerText.replace(/\u00a0/g, ' '));
}

async function visibleHover(page) {
  return page.locator('.monaco-hover:not(.hidden)').evaluateAll(els =>
    els.filter(e => e.offsetParent !== null).map(e => e.innerText.trim()).filter(Boolean).join('\n---\n'));
}

async function focusEditor(page) {
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
  await page.locator(`${EDITOR} .view-lines`).click({ position: { x: 400, y: 5 } }).catch(() => {});
}

// ------------------------------------------------------------------ scenarios
async function outputText(page) {
  return page.locator('.panel .output-view .monaco-editor .view-lines, .panel .monaco-editor .view-lines').evaluateAll(
    els => els.map(e => e.innerText.replace(/\u00a0/g, ' ')).join('\n'));
}

// After an edit that creates or changes files, save everything (as a user would) and wait until each
// file on disk contains the expected texts: the check is on the user's files, not only the editor.
async function expectFilesOnDisk(page, workspace, expectFiles, record) {
  if (!expectFiles) return;
  await openQuickInput(page, 'F1', '>File: Save All');
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await waitUntil('the command "File: Save All" in the palette', async () => (await rows.allInnerTexts().catch(() => [])).some(t => t.includes('Save All')));
  await page.keyboard.press('Enter');
  record.steps.files = {};
  for (const [relative, texts] of Object.entries(expectFiles)) {
    const full = path.join(workspace, relative);
    record.steps.files[relative] = await waitUntil(`${relative} on disk to contain ${JSON.stringify(texts)}`, async () => {
      const content = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : null;
      return content !== null && texts.every(t => content.includes(t)) ? content : null;
    });
  }
}

/** The text of every log file VS Code wrote for the output channel "Cog Language Server" under `logs`. */
function channelLog(logs) {
  if (!fs.existsSync(logs)) return '';
  return fs.readdirSync(logs, { recursive: true })
    .filter(f => String(f).endsWith('Cog Language Server.log'))
    .map(f => fs.readFileSync(path.join(logs, String(f)), 'utf8')).join('\n');
}

async function runScenario(page, workspace, scenario, dir, record, session) {
  let shot = 0;
  const shots = {};
  const screenshot = async name => {
    shots[name] = path.join(dir, `${String(++shot).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: shots[name] });
  };
  const file = path.join(workspace, scenario.open);

  await openFile(page, scenario.open);
  await screenshot('opened');

  if (scenario.notification) {
    const { expect, button, expectOutput } = scenario.notification;
    const toast = page.locator('.notifications-toasts .notification-toast, .notifications-center .notification-list-item')
      .filter({ hasText: expect }).first();
    await toast.waitFor({ state: 'visible', timeout: TIMEOUT }).catch(async () => {
      // A toast that went away is still listed in the notification centre.
      await openQuickInput(page, 'F1', '>Notifications: Show Notifications');
      await page.keyboard.press('Enter');
      await toast.waitFor({ state: 'visible', timeout: 10000 });
    });
    record.steps.notification = (await toast.innerText()).trim();
    await screenshot('notification');
    if (button) {
      await toast.hover();
      await toast.getByRole('button', { name: button }).click();
      if (expectOutput) {
        await waitUntil(`the output panel to show "${expectOutput}"`, async () => (await outputText(page)).includes(expectOutput));
        record.steps.output = (await outputText(page)).slice(0, 2000);
      }
      await screenshot('after-notification');
    }
    await focusEditor(page);
  }

  if (scenario.squiggle) {
    record.steps.squiggles = await waitUntil('a squiggle in the editor', () => squiggles(page));
    await screenshot('squiggle');
  }
  if (scenario.problems?.length) {
    await showProblems(page);
    for (const want of scenario.problems) {
      await waitUntil(`a Problems row containing "${want}"`, async () => (await problemRows(page)).some(r => r.includes(want)));
    }
    record.steps.problems = await problemRows(page);
    await screenshot('problems');
    await focusEditor(page);
  }
  if (scenario.hover) {
    const { text, occurrence, expect = [] } = scenario.hover;
    await goTo(page, file, text, occurrence);
    // Ctrl+K Ctrl+I shows the hover at the cursor, the keyboard way to hover.
    let last = '';
    record.steps.hover = await waitUntil(`a hover containing ${JSON.stringify(expect)}`, async () => {
      last = await visibleHover(page);
      if (last && !/Loading\.\.\./.test(last) && expect.every(e => last.includes(e))) return last;
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await sleep(500);
      return null;
    }).catch(e => { throw new Error(`${e.message}; last hover: ${JSON.stringify(last)}`); });
    await screenshot('hover');
    await page.keyboard.press('Escape');
  }
  if (scenario.quickfix) {
    const { at, occurrence, title, expectText, expectFiles } = scenario.quickfix;
    await goTo(page, file, at, occurrence);
    await page.keyboard.press('Control+.');
    const rows = page.locator('.action-widget .monaco-list-row');
    await waitUntil(`a code action titled "${title}"`, async () => (await rows.allInnerTexts().catch(() => [])).some(t => t.includes(title)));
    record.steps.codeActions = (await rows.allInnerTexts()).map(t => t.trim());
    await screenshot('code-actions');
    // Choose with the keyboard; a click can land on the menu's pointer guard.
    await waitUntil(`"${title}" to be selected`, async () => {
      const focused = await page.locator('.action-widget .monaco-list-row.focused').first().innerText().catch(() => '');
      if (focused.includes(title)) return true;
      await page.keyboard.press('ArrowDown');
      return false;
    }, 10000);
    await page.keyboard.press('Enter');
    // The edit may leave the view scrolled past the changed lines (a code lens above `build:` moves them):
    // Ctrl+Home brings the top of the file back into view, since only visible lines are read.
    await waitUntil(`the editor to show "${expectText}"`, async () => {
      if ((await editorText(page)).includes(expectText)) return true;
      await page.keyboard.press('Control+Home');
      return false;
    });
    await sleep(500);
    await screenshot('after-quickfix');
    await expectFilesOnDisk(page, workspace, expectFiles, record);
  }
  if (scenario.command) {
    const { title, expectText, expectFiles } = scenario.command;
    await focusEditor(page);
    await openQuickInput(page, 'F1', `>${title}`);
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await waitUntil(`the command "${title}" in the palette`, async () => (await rows.allInnerTexts().catch(() => [])).some(t => t.includes(title)));
    await screenshot('command-palette');
    await page.keyboard.press('Enter');
    // The edit may leave the view scrolled past the changed lines (a code lens above `build:` moves them):
    // Ctrl+Home brings the top of the file back into view, since only visible lines are read.
    await waitUntil(`the editor to show "${expectText}"`, async () => {
      if ((await editorText(page)).includes(expectText)) return true;
      await page.keyboard.press('Control+Home');
      return false;
    });
    await sleep(500);
    await screenshot('after-command');
    await expectFilesOnDisk(page, workspace, expectFiles, record);
  }
  if (scenario.output?.length) {
    // The output panel shows only the lines in view (and the trace pushes the first ones out), so
    // the channel is read from the log file VS Code keeps of it, in the session's state folder.
    const logs = path.join(session.state, 'user-data/logs');
    for (const want of scenario.output) {
      await waitUntil(`the output channel "Cog Language Server" to contain "${want}"`, async () => channelLog(logs).includes(want));
    }
    record.steps.output = channelLog(logs).split('\n').filter(l => !l.startsWith('[Trace')).slice(0, 30).join('\n');
  }
  if (scenario.codeLens) {
    const { expect, click, expectPreview = [] } = scenario.codeLens;
    const lens = page.locator(`${EDITOR} .codelens-decoration a`).filter({ hasText: expect }).first();
    await lens.waitFor({ state: 'visible', timeout: TIMEOUT });
    record.steps.codeLens = (await lens.innerText()).trim();
    await screenshot('code-lens');
    if (click) {
      await lens.click();
      // The preview opens beside, keeping the focus in the source editor: read every editor on screen.
      // Markdown wraps long lines there; the visual lines are glued back (a wrap keeps its space), so a
      // text within one line is found whole.
      const allEditors = () => page.locator('.editor-group-container .monaco-editor .view-lines').evaluateAll(
        els => els.map(e => e.innerText.replace(/\u00a0/g, ' ').replace(/\n/g, '')).join(''));
      let last = '';
      record.steps.preview = await waitUntil(`an editor showing ${JSON.stringify(expectPreview)}`, async () => {
        last = await allEditors();
        return expectPreview.every(t => last.includes(t)) ? last : null;
      }).catch(e => { throw new Error(`${e.message}; editors showed: ${JSON.stringify(last.slice(0, 3000))}`); });
      await screenshot('preview');
      await openQuickInput(page, 'F1', '>View: Close All Editor Groups');
      const rows = page.locator('.quick-input-list .monaco-list-row.focused');
      await waitUntil('"View: Close All Editor Groups" in the palette', async () => (await rows.allInnerTexts().catch(() => [])).some(t => t.includes('Close All Editor Groups')));
      await page.keyboard.press('Enter');
    }
  }
  if (scenario.problemsAfter?.absent?.length) {
    await showProblems(page);
    for (const unwanted of scenario.problemsAfter.absent) {
      await waitUntil(`no Problems row containing "${unwanted}"`, async () => !(await problemRows(page)).some(r => r.includes(unwanted)));
    }
    record.steps.problemsAfter = await problemRows(page);
    await screenshot('problems-after');
    await focusEditor(page);
  }
  record.editorText = await editorText(page).catch(() => null);
  // Screenshots that documentation uses (see scenarios.mjs, `images`) are copied to OUT/images/.
  for (const [step, name] of Object.entries(scenario.images || {})) {
    if (!shots[step]) throw new Error(`images: the scenario took no "${step}" screenshot`);
    fs.mkdirSync(path.join(OUT, 'images'), { recursive: true });
    fs.copyFileSync(shots[step], path.join(OUT, 'images', name));
  }
}

async function runSuite(suite, rows) {
  const suiteOut = path.join(OUT, suite);
  fs.mkdirSync(suiteOut, { recursive: true });
  // Work on a copy: quick fixes edit the files.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), `cog-lsp-e2e-ws-${suite}-`));
  fs.cpSync(path.join(HERE, 'workspaces', suites[suite].workspace), workspace, { recursive: true });
  const results = [];
  let server = null, browser = null, profile = null;
  try {
    server = await startCodeServer(suite, workspace, suiteOut);
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cog-lsp-e2e-chromium-'));
    browser = await chromium.launch({
      executablePath: options.chromium || process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      env: { ...process.env, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile, HOME: profile },
    });
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    const console_ = fs.createWriteStream(path.join(suiteOut, 'browser-console.log'));
    page.on('console', m => console_.write(`[${m.type()}] ${m.text()}\n`));
    page.on('pageerror', e => console_.write(`[pageerror] ${e.message}\n`));
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`, { timeout: TIMEOUT });
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: TIMEOUT });
    await page.screenshot({ path: path.join(suiteOut, '00-workbench.png') });
    log(`${suite}: workbench shown`);

    for (const scenario of rows) {
      const dir = path.join(suiteOut, scenario.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase());
      fs.mkdirSync(dir, { recursive: true });
      const t0 = Date.now();
      // Filled step by step, so a failure still reports what was seen before it.
      const record = { name: scenario.name, steps: {} };
      try {
        await runScenario(page, workspace, scenario, dir, record, server);
        results.push({ ...record, ok: true, dotnet: server.dotnet, seconds: (Date.now() - t0) / 1000 });
        log(`PASS ${scenario.name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
      } catch (e) {
        await page.screenshot({ path: path.join(dir, 'failure.png') }).catch(() => {});
        results.push({ ...record, ok: false, error: String(e?.message || e), dotnet: server.dotnet, seconds: (Date.now() - t0) / 1000 });
        log(`FAIL ${scenario.name}: ${e?.message || e}`);
        await focusEditor(page).catch(() => {});
      }
    }
  } catch (e) {
    // The session itself failed: every scenario not yet run counts as failed.
    const error = String(e?.message || e);
    log(`FAIL ${suite} session: ${error}`);
    for (const scenario of rows.filter(s => !results.some(r => r.name === s.name))) results.push({ name: scenario.name, ok: false, error });
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop().catch(() => {});
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  return results;
}

// ------------------------------------------------------------------ main
fs.mkdirSync(OUT, { recursive: true });
const all = [];
const withDisabled = options['include-disabled'] === 'yes';
const skipped = withDisabled ? [] : scenarios.filter(s => s.enabled === false && SUITES.includes(s.suite));
for (const suite of SUITES) {
  const rows = scenarios.filter(s => s.suite === suite && (withDisabled || s.enabled !== false) && (!options.only || s.name.includes(options.only)));
  if (!rows.length) continue;
  all.push(...await runSuite(suite, rows));
}
fs.writeFileSync(path.join(OUT, 'result.json'), JSON.stringify({ vsix: VSIX, vsixUniversal: VSIX_UNIVERSAL, suites: SUITES, results: all, skipped: skipped.map(s => s.name) }, null, 2) + '\n');
const passed = all.filter(r => r.ok).length;
const failed = all.length - passed;
for (const r of all) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.ok ? '' : ` — ${r.error}`}`);
for (const s of skipped) console.log(`skip ${s.name} (not enabled yet)`);
console.log(`screenshots and logs: ${OUT}`);
console.log(`${passed} passed, ${failed} failed${skipped.length ? `, ${skipped.length} skipped` : ''}`);
process.exit(failed || !all.length ? 1 : 0);
