// Builds the extension: one CommonJS bundle (dist/extension.js) with
// vscode-languageclient inlined, so the .vsix needs no node_modules; and copies the
// TextMate grammars from ../grammars into dist/syntaxes, where package.json points.
//   node esbuild.mjs               development build (source maps)
//   node esbuild.mjs --production  minified, no source maps (used by the package script)
//   node esbuild.mjs --tests       also bundles test/*.test.ts into dist-test/ for `node --test`
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');

fs.rmSync(path.join(here, 'dist'), { recursive: true, force: true });
await esbuild.build({
  entryPoints: [path.join(here, 'src/extension.ts')],
  outfile: path.join(here, 'dist/extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
});

const syntaxes = path.join(here, 'dist/syntaxes');
fs.mkdirSync(syntaxes, { recursive: true });
for (const file of ['pip-requirements.tmLanguage.json', 'cog-yaml-python-packages.injection.json']) {
  fs.copyFileSync(path.join(here, '../grammars', file), path.join(syntaxes, file));
}

if (tests) {
  const testDir = path.join(here, 'test');
  fs.rmSync(path.join(here, 'dist-test'), { recursive: true, force: true });
  await esbuild.build({
    entryPoints: fs.readdirSync(testDir).filter(f => f.endsWith('.test.ts')).map(f => path.join(testDir, f)),
    outdir: path.join(here, 'dist-test'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    logLevel: 'warning',
  });
}
console.log(`built ${path.relative(process.cwd(), path.join(here, 'dist/extension.js'))}${production ? ' (production)' : ''}${tests ? ' and tests' : ''}`);
