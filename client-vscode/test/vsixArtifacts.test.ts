// Checks the packages `npm run package` wrote into artifacts/: each platform .vsix carries
// exactly one server, for its own platform (read from the ELF, Mach-O or PE header), and says
// its platform in the manifest; the universal .vsix carries none and names no platform.
//
// Packaging takes minutes, so this test does not package: it reads what is in artifacts/
// (or COG_LSP_VSIX_DIR). A package that is not there is skipped, unless COG_LSP_CHECK_VSIX=1
// (as `npm run check-vsix` and CI set it), which makes a missing package a failure.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { test } from 'node:test';
import { binaryFormat } from './support/binaryFormat';
import { readVsix } from './support/vsixContents';

// The test bundle runs from client-vscode/dist-test/.
const extensionDir = path.resolve(__dirname, '..');
const version: string = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8')).version;
const dir = path.resolve(process.env.COG_LSP_VSIX_DIR || path.join(extensionDir, '..', 'artifacts'));
const required = process.env.COG_LSP_CHECK_VSIX === '1';

const platforms = [
  { target: 'linux-x64', rid: 'linux-x64', exe: 'cog-lsp', format: 'elf', cpu: 'x64' },
  { target: 'linux-arm64', rid: 'linux-arm64', exe: 'cog-lsp', format: 'elf', cpu: 'arm64' },
  { target: 'darwin-x64', rid: 'osx-x64', exe: 'cog-lsp', format: 'macho', cpu: 'x64' },
  { target: 'darwin-arm64', rid: 'osx-arm64', exe: 'cog-lsp', format: 'macho', cpu: 'arm64' },
  { target: 'win32-x64', rid: 'win-x64', exe: 'cog-lsp.exe', format: 'pe', cpu: 'x64' },
] as const;

const SERVER = 'extension/server/';

/** The TargetPlatform attribute of the manifest's Identity element, or undefined without one. */
function targetPlatform(manifest: string): string | undefined {
  const identity = /<Identity\b[^>]*>/.exec(manifest);
  assert.ok(identity, 'extension.vsixmanifest has an Identity element');
  return /\bTargetPlatform="([^"]*)"/.exec(identity[0])?.[1];
}

function packageOrSkip(file: string, t: { skip: (message: string) => void }): boolean {
  if (fs.existsSync(file)) return true;
  assert.ok(!required, `${file} is missing; run \`npm run package\` first`);
  t.skip(`${path.basename(file)} not in ${dir} (run \`npm run package\`; COG_LSP_CHECK_VSIX=1 makes this a failure)`);
  return false;
}

for (const p of platforms) {
  const file = path.join(dir, `cog-lsp-${version}-${p.target}.vsix`);
  test(`${p.target}.vsix: TargetPlatform ${p.target}, one server: server/${p.rid}/${p.exe} is ${p.format} for ${p.cpu}`, async t => {
    if (!packageOrSkip(file, t)) return;
    const exe = `${SERVER}${p.rid}/${p.exe}`;
    const { names, files } = await readVsix(file, n => n === exe || n === 'extension.vsixmanifest');
    assert.equal(targetPlatform(files.get('extension.vsixmanifest')!.toString('utf8')), p.target);
    const strays = names.filter(n => n.startsWith(SERVER) && !n.startsWith(`${SERVER}${p.rid}/`));
    assert.deepEqual(strays, [], 'no other platform\'s server files');
    const server = files.get(exe);
    assert.ok(server, `${exe} is in the package`);
    assert.deepEqual(binaryFormat(server), { format: p.format, cpu: p.cpu });
  });
}

test('universal .vsix: no TargetPlatform and no server inside', async t => {
  const file = path.join(dir, `cog-lsp-${version}.vsix`);
  if (!packageOrSkip(file, t)) return;
  const { names, files } = await readVsix(file, n => n === 'extension.vsixmanifest');
  assert.equal(targetPlatform(files.get('extension.vsixmanifest')!.toString('utf8')), undefined);
  assert.deepEqual(names.filter(n => n.startsWith(SERVER)), []);
  assert.ok(names.includes('extension/dist/extension.js'));
});
