#!/usr/bin/env node
// TEST DOUBLE — not the product and never packaged. A tiny language server over
// stdio that lets the end-to-end harness check its own mechanics (install the
// .vsix, open a file, see a squiggle and a Problems row, hover, apply a quick fix,
// run the migrate command) independently of the real cog-lsp's features.
//
// What it does:
//  - cog.yaml: one warning on each `python_packages:` key ("fake-server: python_packages is deprecated").
//  - pip-requirements files: one information on every `torch==` line.
//  - hover anywhere: "fake-server hover" with the word under the cursor, the settings it
//    pulled with workspace/configuration, and whether `dotnet` is on its PATH.
//  - code actions on a python_packages line: "Migrate python_packages to requirements.txt"
//    (refactor.rewrite) that replaces the key and its list items with python_requirements.
import fs from 'node:fs';
import path from 'node:path';

const documents = new Map();   // uri -> { text, languageId, version }
let settings = null;
let nextId = 1;
const pending = new Map();

// ---- JSON-RPC over stdio (Content-Length framing)
let buffer = Buffer.alloc(0);
process.stdin.on('data', chunk => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const header = buffer.subarray(0, headerEnd).toString('ascii');
    const length = Number(/Content-Length:\s*(\d+)/i.exec(header)?.[1]);
    if (buffer.length < headerEnd + 4 + length) return;
    const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
    buffer = buffer.subarray(headerEnd + 4 + length);
    handle(JSON.parse(body));
  }
});
process.stdin.on('end', () => process.exit(0));

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}
const notify = (method, params) => send({ method, params });
function request(method, params) {
  const id = `fake-${nextId++}`;
  send({ id, method, params });
  return new Promise(resolve => pending.set(id, resolve));
}

// ---- analysis of the test double
function lines(text) { return text.split(/\r?\n/); }
function isCogYaml(uri) { return /\/cog\.ya?ml$/.test(uri); }

function diagnosticsFor(uri, doc) {
  const result = [];
  lines(doc.text).forEach((line, i) => {
    if (isCogYaml(uri)) {
      const at = line.indexOf('python_packages:');
      if (at >= 0) result.push({ range: range(i, at, i, at + 'python_packages'.length), severity: 2, code: 'FAKE0001', source: 'fake-server', message: 'fake-server: python_packages is deprecated' });
    } else {
      const at = line.indexOf('torch==');
      if (at >= 0) result.push({ range: range(i, at, i, line.length), severity: 3, code: 'FAKE0002', source: 'fake-server', message: 'fake-server: torch pin seen in a requirements file' });
    }
  });
  return result;
}
const range = (l1, c1, l2, c2) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
function publish(uri) {
  const doc = documents.get(uri);
  notify('textDocument/publishDiagnostics', { uri, version: doc.version, diagnostics: diagnosticsFor(uri, doc) });
}

function dotnetOnPath() {
  return (process.env.PATH || '').split(path.delimiter).some(dir => dir && fs.existsSync(path.join(dir, 'dotnet')));
}

function hover({ textDocument, position }) {
  const doc = documents.get(textDocument.uri);
  if (!doc) return null;
  const line = lines(doc.text)[position.line] ?? '';
  let s = position.character, e = position.character;
  while (s > 0 && /[\w.=+-]/.test(line[s - 1])) s--;
  while (e < line.length && /[\w.=+-]/.test(line[e])) e++;
  const word = line.slice(s, e);
  if (!word) return null;
  const lang = doc.languageId;
  return {
    contents: { kind: 'markdown', value: `**fake-server hover** \`${word}\` (${lang})\n\nsettings: ${JSON.stringify(settings)}\n\ndotnet-on-path: ${dotnetOnPath() ? 'yes' : 'no'}` },
    range: range(position.line, s, position.line, e),
  };
}

function codeActions({ textDocument, range: r }) {
  const doc = documents.get(textDocument.uri);
  if (!doc || !isCogYaml(textDocument.uri)) return [];
  const all = lines(doc.text);
  const keyLine = all.findIndex(l => /^\s*python_packages:/.test(l));
  if (keyLine < 0 || r.start.line > keyLine + 20 || r.end.line < keyLine) return [];
  let last = keyLine;
  while (last + 1 < all.length && /^\s*-\s/.test(all[last + 1])) last++;
  const indent = /^(\s*)/.exec(all[keyLine])[1];
  const edit = { changes: { [textDocument.uri]: [{ range: range(keyLine, 0, last, all[last].length), newText: `${indent}python_requirements: requirements.txt` }] } };
  return [
    { title: 'Say hello (fake-server)', kind: 'quickfix', edit: { changes: {} } },
    { title: 'Migrate python_packages to requirements.txt', kind: 'refactor.rewrite', edit },
  ];
}

async function pullSettings() {
  const answer = await request('workspace/configuration', { items: [{ section: 'cogLsp' }] });
  settings = Array.isArray(answer) ? answer[0] : answer;
}

function handle(msg) {
  if (msg.id !== undefined && msg.method === undefined) {   // a response to our request
    pending.get(msg.id)?.(msg.result);
    pending.delete(msg.id);
    return;
  }
  const reply = result => send({ id: msg.id, result });
  switch (msg.method) {
    case 'initialize':
      return reply({
        capabilities: {
          textDocumentSync: { openClose: true, change: 1 },
          hoverProvider: true,
          codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
        },
        serverInfo: { name: 'fake-cog-lsp (test double)', version: '0' },
      });
    case 'initialized': return void pullSettings();
    case 'workspace/didChangeConfiguration': return void pullSettings();
    case 'textDocument/didOpen': {
      const { uri, text, languageId, version } = msg.params.textDocument;
      documents.set(uri, { text, languageId, version });
      return publish(uri);
    }
    case 'textDocument/didChange': {
      const doc = documents.get(msg.params.textDocument.uri);
      if (!doc) return;
      doc.text = msg.params.contentChanges.at(-1).text;
      doc.version = msg.params.textDocument.version;
      return publish(msg.params.textDocument.uri);
    }
    case 'textDocument/didClose':
      documents.delete(msg.params.textDocument.uri);
      return notify('textDocument/publishDiagnostics', { uri: msg.params.textDocument.uri, diagnostics: [] });
    case 'textDocument/hover': return reply(hover(msg.params));
    case 'textDocument/codeAction': return reply(codeActions(msg.params));
    case 'shutdown': return reply(null);
    case 'exit': return process.exit(0);
    default:
      if (msg.id !== undefined) send({ id: msg.id, error: { code: -32601, message: `fake-server does not handle ${msg.method}` } });
  }
}
