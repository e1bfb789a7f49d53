#!/usr/bin/env node
// Packages the extension with vsce: one .vsix per platform, each with the self-contained
// server for that platform inside it, plus one universal .vsix without a server.
//   node scripts/package.mjs [--target linux-x64,universal,...] [--out DIR]   (or env VSCE_TARGET)
// Without --target it writes all six into artifacts/: cog-lsp-<version>-<target>.vsix
// (linux-x64, linux-arm64, darwin-x64, darwin-arm64, win32-x64) and cog-lsp-<version>.vsix.
//
// The server of each platform is published by scripts/publish-server.sh <rid> into
// client-vscode/server/<rid>/ (this needs the .NET SDK on the machine that packages, never
// on the users' machines). A published server is reused while no server source is newer
// than it; COG_LSP_REPUBLISH=1 publishes again anyway.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.join(here, '..');
const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const outDir = path.resolve(arg('--out') || path.join(repo, 'artifacts'));

// vsce's platform names → .NET runtime identifiers (the folder names under server/, which
// src/serverLocator.ts derives from process.platform/arch). 'universal' has no server.
const RIDS = {
  'linux-x64': 'linux-x64', 'linux-arm64': 'linux-arm64',
  'darwin-x64': 'osx-x64', 'darwin-arm64': 'osx-arm64', 'win32-x64': 'win-x64',
  universal: null,
};
const targets = (arg('--target') || process.env.VSCE_TARGET || Object.keys(RIDS).join(',')).split(',').filter(Boolean);
for (const t of targets) {
  if (!(t in RIDS)) { console.error(`unknown target ${t}; one of ${Object.keys(RIDS).join(', ')}`); process.exit(2); }
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) { console.error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`); process.exit(1); }
  return r;
}

/** True when some file the server is built from changed after `file` was written. */
function newerSourceThan(file) {
  const since = fs.statSync(file).mtimeMs;
  const roots = ['server', 'Directory.Build.props', 'Directory.Packages.props', 'scripts/publish-server.sh'].map(p => path.join(repo, p));
  const stack = roots.filter(p => fs.existsSync(p));
  while (stack.length) {
    const p = stack.pop();
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      if (['bin', 'obj'].includes(path.basename(p))) continue;
      for (const child of fs.readdirSync(p)) stack.push(path.join(p, child));
    } else if (stat.mtimeMs > since) {
      return p;
    }
  }
  return null;
}

function ensureServer(rid) {
  const dir = path.join(here, 'server', rid);
  const exe = path.join(dir, rid.startsWith('win') ? 'cog-lsp.exe' : 'cog-lsp');
  const stale = fs.existsSync(exe) ? newerSourceThan(exe) : 'none published yet';
  if (process.env.COG_LSP_REPUBLISH !== '1' && !stale) {
    console.log(`package.mjs: reusing ${path.relative(repo, exe)} (no server source is newer)`);
    return;
  }
  console.log(`package.mjs: publishing the server for ${rid} (${process.env.COG_LSP_REPUBLISH === '1' ? 'COG_LSP_REPUBLISH=1' : `stale: ${stale}`})`);
  const t0 = Date.now();
  run('bash', [path.join(repo, 'scripts/publish-server.sh'), rid], { env: { ...process.env, COG_LSP_PUBLISH_OUT: dir } });
  if (!fs.existsSync(exe)) { console.error(`package.mjs: publish-server.sh wrote no ${exe}`); process.exit(1); }
  console.log(`package.mjs: published ${rid} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

const pkg = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8'));
// The README's relative links (images/*.png) are rewritten by vsce to the repository; vsce
// ignores repository.directory, so the folder of the extension inside it is added here.
const repoUrl = (pkg.repository?.url || '').replace(/^git\+/, '').replace(/\.git$/, '');
const inRepo = pkg.repository?.directory ? `/${pkg.repository.directory}` : '';
const baseUrls = repoUrl ? ['--baseContentUrl', `${repoUrl}/blob/HEAD${inRepo}`, '--baseImagesUrl', `${repoUrl}/raw/HEAD${inRepo}`] : [];
const vsce = path.join(path.dirname(fileURLToPath(import.meta.resolve('@vscode/vsce/package.json'))), 'vsce');
const base = fs.readFileSync(path.join(here, '.vscodeignore'), 'utf8');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cog-lsp-vsce-'));
fs.mkdirSync(outDir, { recursive: true });

run(process.execPath, [path.join(here, 'esbuild.mjs'), '--production'], { cwd: here });

const written = [];
for (const target of targets) {
  const rid = RIDS[target];
  const t0 = Date.now();
  if (rid) ensureServer(rid);
  // .vscodeignore is the same for every package; this adds "every server folder but this
  // target's" (all of them for the universal package), so a package carries one server at most.
  const ignoreFile = path.join(scratch, `vscodeignore-${target}`);
  fs.writeFileSync(ignoreFile, `${base}\nserver/**\n${rid ? `!server/${rid}/**\n` : ''}`);
  const out = path.join(outDir, rid ? `${pkg.name}-${pkg.version}-${target}.vsix` : `${pkg.name}-${pkg.version}.vsix`);
  const args = [vsce, 'package', '--no-dependencies', '--ignoreFile', ignoreFile, '--out', out, ...baseUrls];
  if (rid) args.push('--target', target);
  // vsce's warnings would go unnoticed in a long CI log: any is an error here.
  const r = spawnSync(process.execPath, args, { cwd: here, encoding: 'utf8' });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  if (r.status !== 0) { console.error(`vsce package ${target} failed (${r.status ?? r.signal})`); process.exit(1); }
  if (/WARNING/i.test(r.stdout + r.stderr)) { console.error(`vsce printed a warning while packaging ${target}`); process.exit(1); }
  const mb = (fs.statSync(out).size / 1024 / 1024).toFixed(1);
  written.push(`${path.relative(process.cwd(), out)}  ${mb} MB  (${((Date.now() - t0) / 1000).toFixed(0)} s${rid ? `, server/${rid}` : ', no server'})`);
}
fs.rmSync(scratch, { recursive: true, force: true });
console.log(`package.mjs: wrote ${written.length} package(s):\n  ${written.join('\n  ')}`);
