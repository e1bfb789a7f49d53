#!/usr/bin/env node
// Packages the extension for one platform with vsce (`vsce package --target T`),
// with the self-contained server for that platform inside it:
//   node scripts/package.mjs [--target linux-x64] [--out DIR]   (or env VSCE_TARGET)
// If server/<rid>/ is empty, scripts/publish-server.sh publishes the server first
// (this needs the .NET SDK on the machine that packages, never on the users' machines).
// COG_LSP_SKIP_SERVER=1 packages without a server: the extension then uses
// cogLsp.server.path or `cog-lsp` on PATH.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.join(here, '..');
const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const target = arg('--target') || process.env.VSCE_TARGET || 'linux-x64';
const outDir = path.resolve(arg('--out') || path.join(repo, 'artifacts'));

// vsce's platform names → .NET runtime identifiers (the folder names under server/).
const RIDS = {
  'linux-x64': 'linux-x64', 'linux-arm64': 'linux-arm64', 'alpine-x64': 'linux-musl-x64', 'alpine-arm64': 'linux-musl-arm64',
  'darwin-x64': 'osx-x64', 'darwin-arm64': 'osx-arm64', 'win32-x64': 'win-x64', 'win32-arm64': 'win-arm64',
};
const rid = RIDS[target];
if (!rid) { console.error(`unknown target ${target}; one of ${Object.keys(RIDS).join(', ')}`); process.exit(2); }
const exe = path.join(here, 'server', rid, rid.startsWith('win') ? 'cog-lsp.exe' : 'cog-lsp');

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) { console.error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`); process.exit(1); }
}

const withServer = process.env.COG_LSP_SKIP_SERVER !== '1';
if (withServer && !fs.existsSync(exe)) run('bash', [path.join(repo, 'scripts/publish-server.sh'), rid]);

run(process.execPath, [path.join(here, 'esbuild.mjs'), '--production'], { cwd: here });

// .vscodeignore is the same for every platform; the per-target ignore file adds
// "every server folder but this target's", so a package carries one server only.
const base = fs.readFileSync(path.join(here, '.vscodeignore'), 'utf8');
const ignoreFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cog-lsp-vsce-')), 'vscodeignore');
fs.writeFileSync(ignoreFile, `${base}\nserver/**\n${withServer ? `!server/${rid}/**\n` : ''}`);

fs.mkdirSync(outDir, { recursive: true });
const pkg = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8'));
const out = path.join(outDir, `${pkg.name}-${target}-${pkg.version}.vsix`);
const vsce = path.join(path.dirname(fileURLToPath(import.meta.resolve('@vscode/vsce/package.json'))), 'vsce');
run(process.execPath, [vsce, 'package', '--target', target, '--no-dependencies', '--allow-missing-repository',
  '--skip-license', '--ignoreFile', ignoreFile, '--out', out], { cwd: here });
fs.rmSync(path.dirname(ignoreFile), { recursive: true, force: true });
console.log(`packaged ${out}${withServer ? ` with server/${rid}` : ' without a server'}`);
