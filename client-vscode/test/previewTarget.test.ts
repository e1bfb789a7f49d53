import { strict as assert } from 'assert';
import { test } from 'node:test';
import { canChangePreview, retargetLensCommand } from '../src/previewTarget';

test('the server preview lens is pointed at the command that opens the preview, with the same arguments', () => {
  const lens = { title: 'Cog: Python 3.11 · 2 packages · python:3.11-slim', command: 'cogLsp.preview', arguments: ['file:///p/cog.yaml'] };
  assert.deepEqual(retargetLensCommand(lens), { title: lens.title, command: 'cogLsp.openPreview', arguments: ['file:///p/cog.yaml'] });
});

test('other server commands are kept', () => {
  const command = { title: 'Fix', command: 'cogLsp.applyCodeAction', arguments: [{}] };
  assert.equal(retargetLensCommand(command), command);
});

test('cog.yaml, cog.yml and requirements files change a preview; other files do not', () => {
  assert.ok(canChangePreview('/p/cog.yaml', 'yaml'));
  assert.ok(canChangePreview('/p/cog.yml', 'yaml'));
  assert.ok(canChangePreview('/p/deps/base.txt', 'pip-requirements'));
  assert.ok(!canChangePreview('/p/other.yaml', 'yaml'));
  assert.ok(!canChangePreview('/p/predict.py', 'python'));
  assert.ok(!canChangePreview('/p/notcog.yaml', 'yaml'));
});
