import { strict as assert } from 'assert';
import { test } from 'node:test';
import { answerConfigurationItem, toServerSettings } from '../src/settings';

const reader = (values: Record<string, unknown>) => (key: string) => values[key];

test('defaults when nothing is set', () => {
  assert.deepEqual(toServerSettings(reader({})), { severity: {}, inlayHints: true, trace: 'off', targetGpus: [], index: { enabled: true } });
});

test('nested VS Code settings become the flat server shape', () => {
  const settings = toServerSettings(reader({
    'severity': { COG0101: 'error', req0201: 'off', COG0002: 'Info' },
    'inlayHints.enabled': false,
    'trace.server': 'verbose',
  }));
  assert.deepEqual(settings, {
    severity: { COG0101: 'error', REQ0201: 'off', COG0002: 'information' },
    inlayHints: false,
    trace: 'verbose',
    index: { enabled: true },
    targetGpus: [],
  });
});

test('index settings reach the server; empty URLs leave the server its defaults', () => {
  assert.deepEqual(toServerSettings(reader({ 'index.enabled': false, 'index.url': ' https://mirror.example/simple/ ', 'index.pytorchUrl': '' })).index,
    { enabled: false, url: 'https://mirror.example/simple/' });
  assert.deepEqual(toServerSettings(reader({ 'index.enabled': 'no', 'index.url': 3, 'index.pytorchUrl': 'https://mirror.example/whl/' })).index,
    { enabled: true, pytorchUrl: 'https://mirror.example/whl/' });
});

test('values of the wrong type never reach the server', () => {
  const settings = toServerSettings(reader({
    'severity': { COG0101: 'fatal', COG0102: 3, COG0103: 'hint' },
    'inlayHints.enabled': 'yes',
    'trace.server': 'loud',
  }));
  assert.deepEqual(settings, { severity: { COG0103: 'hint' }, inlayHints: true, trace: 'off', targetGpus: [], index: { enabled: true } });
  assert.deepEqual(toServerSettings(reader({ severity: ['COG0101'] })).severity, {});
});

test('workspace/configuration: the cogLsp section, its parts, and sections of others', () => {
  const read = reader({ 'severity': { COG0101: 'warning' }, 'inlayHints.enabled': false });
  assert.deepEqual(answerConfigurationItem('cogLsp', read), { severity: { COG0101: 'warning' }, inlayHints: false, trace: 'off', targetGpus: [], index: { enabled: true } });
  assert.deepEqual(answerConfigurationItem('cogLsp.severity', read), { COG0101: 'warning' });
  assert.equal(answerConfigurationItem('cogLsp.inlayHints', read), false);
  assert.deepEqual(answerConfigurationItem('cogLsp.index', reader({ 'index.enabled': false })), { enabled: false });
  assert.equal(answerConfigurationItem('cogLsp.unknown', read), null);
  assert.equal(answerConfigurationItem('yaml', read), undefined);
  assert.equal(answerConfigurationItem(undefined, read), undefined);
});

test('target GPUs pass through as strings; other values are dropped', () => {
  const settings = toServerSettings(reader({ targetGpus: ['H100', 7, '', 'sm_120'] }));
  assert.deepEqual(settings.targetGpus, ['H100', 'sm_120']);
  assert.deepEqual(toServerSettings(reader({ targetGpus: 'H100' })).targetGpus, []);
});
