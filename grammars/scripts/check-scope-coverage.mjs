#!/usr/bin/env node
// Fails when a scope that a product grammar can produce is asserted by no
// grammar test. Every `name`, `contentName` and capture name in the grammars
// listed below counts; a test "asserts" a scope when it appears on the positive
// side of a `^`/`<-` assertion line in one of tests/*.test.*.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const GRAMMARS = ['pip-requirements.tmLanguage.json', 'cog-yaml-python-packages.injection.json'];

// Walks the grammar JSON and collects every scope it names.
function grammarScopes(file) {
  const scopes = new Set();
  const visit = (node) => {
    if (Array.isArray(node)) { node.forEach(visit); return; }
    if (!node || typeof node !== 'object') return;
    for (const key of ['name', 'contentName']) {
      if (typeof node[key] === 'string') node[key].split(/\s+/).filter(Boolean).forEach(s => scopes.add(s));
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'name' || key === 'contentName') continue;
      visit(value);
    }
  };
  const json = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
  visit(json.patterns);
  visit(json.repository);
  return scopes;
}

// Reads the scopes asserted positively in a test file. The first line names the
// comment token ("<token> SYNTAX TEST ..."); assertion lines are that token,
// optional spaces, then ^^^ or <--- (optionally <~~-), then the scopes, and
// after " - " the scopes that must be absent.
function assertedScopes(file) {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const header = /^(\S+)\s+SYNTAX TEST\b/.exec(lines[0]);
  if (!header) throw new Error(`${file}: first line is not a SYNTAX TEST header`);
  const token = header[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const assertion = new RegExp(`^\\s*${token}\\s*(?:\\^+|<~*-+)\\s+(.*)$`);
  const scopes = new Set();
  for (const line of lines.slice(1)) {
    const m = assertion.exec(line);
    if (!m) continue;
    const positive = m[1].split(/(?:^|\s)-\s/)[0];
    positive.split(/\s+/).filter(Boolean).forEach(s => scopes.add(s));
  }
  return scopes;
}

const testDir = path.join(root, 'tests');
const tests = fs.readdirSync(testDir).filter(f => /\.test\./.test(f)).map(f => path.join(testDir, f));
const asserted = new Set(tests.flatMap(f => [...assertedScopes(f)]));

let missing = 0, total = 0;
for (const g of GRAMMARS) {
  for (const scope of [...grammarScopes(g)].sort()) {
    total++;
    if (!asserted.has(scope)) { missing++; console.error(`not asserted by any test: ${scope}   (${g})`); }
  }
}
if (missing) {
  console.error(`scope coverage: ${missing} of ${total} grammar scopes have no assertion in grammars/tests/`);
  process.exit(1);
}
console.log(`scope coverage: all ${total} grammar scopes are asserted in ${tests.length} test files`);
