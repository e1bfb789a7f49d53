#!/usr/bin/env node
// Prints the TextMate tokens of a file, one per line, to help write grammar test
// assertions:  node scripts/dump-tokens.mjs SCOPE FILE
// (SCOPE is source.pip-requirements or source.yaml; the grammars are taken from
// tests/tmgrammar-test.json, like the tests do.)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { createRegistry } = require('vscode-tmgrammar-test/dist/common/index.js');
const here = path.dirname(fileURLToPath(import.meta.url));
const configPath = path.join(here, '../tests/tmgrammar-test.json');
const config = JSON.parse(fs.readFileSync(configPath, 'utf8'));
const grammars = config.contributes.grammars.map(g => ({ ...g, path: path.join(path.dirname(configPath), g.path) }));

const [scope, file] = process.argv.slice(2);
if (!scope || !file) { console.error('usage: node scripts/dump-tokens.mjs SCOPE FILE'); process.exit(2); }
const grammar = await createRegistry(grammars).loadGrammar(scope);
let stack = null;
fs.readFileSync(file, 'utf8').split(/\r?\n/).forEach((line, i) => {
  const r = grammar.tokenizeLine(line, stack);
  stack = r.ruleStack;
  console.log(`${i + 1}: ${line}`);
  for (const t of r.tokens) {
    const text = line.slice(t.startIndex, t.endIndex);
    if (!text.trim()) continue;
    console.log(`    ${String(t.startIndex).padStart(3)} ${JSON.stringify(text).padEnd(28)} ${t.scopes.slice(1).join(' ')}`);
  }
});
