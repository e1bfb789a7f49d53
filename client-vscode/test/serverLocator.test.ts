import { strict as assert } from 'assert';
import { test } from 'node:test';
import { INSTALL_HELP, locateServer, runtimeIdentifier, LocateInputs } from '../src/serverLocator';

function inputs(files: string[], overrides: Partial<LocateInputs> = {}): LocateInputs {
  const present = new Set(files);
  return {
    extensionPath: '/ext',
    platform: 'linux',
    arch: 'x64',
    configuredPath: '',
    envPath: '/usr/local/bin:/usr/bin',
    homeDir: undefined,
    dotnetCliHome: undefined,
    isFile: f => present.has(f),
    ...overrides,
  };
}

test('runtime identifiers match the folders publish-server.sh writes', () => {
  assert.equal(runtimeIdentifier('linux', 'x64'), 'linux-x64');
  assert.equal(runtimeIdentifier('linux', 'arm64'), 'linux-arm64');
  assert.equal(runtimeIdentifier('darwin', 'arm64'), 'osx-arm64');
  assert.equal(runtimeIdentifier('win32', 'x64'), 'win-x64');
  assert.equal(runtimeIdentifier('linux', 'ia32'), undefined);
  assert.equal(runtimeIdentifier('aix', 'x64'), undefined);
});

test('the bundled server is used when nothing is configured', () => {
  const r = locateServer(inputs(['/ext/server/linux-x64/cog-lsp', '/usr/bin/cog-lsp']));
  assert.deepEqual(r, { ok: true, location: { command: '/ext/server/linux-x64/cog-lsp', source: 'bundled' } });
});

test('a configured path overrides the bundled server', () => {
  const r = locateServer(inputs(['/ext/server/linux-x64/cog-lsp', '/opt/cog-lsp'], { configuredPath: ' /opt/cog-lsp ' }));
  assert.deepEqual(r, { ok: true, location: { command: '/opt/cog-lsp', source: 'setting' } });
});

test('a configured path that does not exist is an error, not a silent fallback', () => {
  const r = locateServer(inputs(['/ext/server/linux-x64/cog-lsp'], { configuredPath: '/nope/cog-lsp' }));
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.deepEqual(r.tried, ['/nope/cog-lsp']);
    assert.match(r.reason, /cogLsp\.server\.path/);
  }
});

test('PATH is searched in order when the package has no server for this platform', () => {
  const r = locateServer(inputs(['/usr/bin/cog-lsp', '/usr/local/bin/other'], { arch: 'arm64' }));
  assert.deepEqual(r, { ok: true, location: { command: '/usr/bin/cog-lsp', source: 'path' } });
});

test('windows looks for cog-lsp.exe and splits PATH on semicolons', () => {
  const r = locateServer(inputs(['C:/tools/cog-lsp.exe'], { platform: 'win32', envPath: 'C:/x;C:/tools', extensionPath: 'C:/ext' }));
  assert.equal(r.ok, true);
  if (r.ok) assert.equal(r.location.source, 'path');
});

test('nothing found: every place tried is listed for the log', () => {
  const r = locateServer(inputs([], { envPath: '/a:/b' }));
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.deepEqual(r.tried, ['/ext/server/linux-x64/cog-lsp', '/a/cog-lsp', '/b/cog-lsp']);
    assert.match(r.reason, /no server for linux-x64/);
  }
});

// The search order, one rung at a time: each test has a server at its rung and at every rung below,
// so it fails if a lower rung were asked first.
const everywhere = ['/opt/cog-lsp', '/ext/server/linux-x64/cog-lsp', '/usr/bin/cog-lsp', '/home/u/.dotnet/tools/cog-lsp'];

test('order: the setting comes before the bundled server, PATH and the .NET tool', () => {
  const r = locateServer(inputs(everywhere, { configuredPath: '/opt/cog-lsp', homeDir: '/home/u' }));
  assert.deepEqual(r, { ok: true, location: { command: '/opt/cog-lsp', source: 'setting' } });
});

test('order: the bundled server comes before PATH and the .NET tool', () => {
  const r = locateServer(inputs(everywhere, { homeDir: '/home/u' }));
  assert.deepEqual(r, { ok: true, location: { command: '/ext/server/linux-x64/cog-lsp', source: 'bundled' } });
});

test('order: in the universal package (no server inside), PATH comes before the .NET tool', () => {
  const r = locateServer(inputs(everywhere.slice(2), { homeDir: '/home/u' }));
  assert.deepEqual(r, { ok: true, location: { command: '/usr/bin/cog-lsp', source: 'path' } });
});

test('order: the global .NET tool is found when nothing else is, even though its folder is not on PATH', () => {
  const r = locateServer(inputs(everywhere.slice(3), { homeDir: '/home/u' }));
  assert.deepEqual(r, { ok: true, location: { command: '/home/u/.dotnet/tools/cog-lsp', source: 'dotnet-tool' } });
});

test('DOTNET_CLI_HOME moves the .NET tools folder', () => {
  const r = locateServer(inputs(['/home/u/.dotnet/tools/cog-lsp', '/cli/.dotnet/tools/cog-lsp'], { homeDir: '/home/u', dotnetCliHome: '/cli' }));
  assert.deepEqual(r, { ok: true, location: { command: '/cli/.dotnet/tools/cog-lsp', source: 'dotnet-tool' } });
});

test('windows: the .NET tool is cog-lsp.exe under the profile folder', () => {
  const r = locateServer(inputs(['C:/Users/u/.dotnet/tools/cog-lsp.exe'], { platform: 'win32', envPath: 'C:/x', extensionPath: 'C:/ext', homeDir: 'C:/Users/u' }));
  assert.equal(r.ok, true);
  if (r.ok) assert.equal(r.location.source, 'dotnet-tool');
});

test('nothing anywhere: every place is listed in search order, with how to install a server', () => {
  const r = locateServer(inputs([], { envPath: '/a:/b', homeDir: '/home/u' }));
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.deepEqual(r.tried, ['/ext/server/linux-x64/cog-lsp', '/a/cog-lsp', '/b/cog-lsp', '/home/u/.dotnet/tools/cog-lsp']);
    assert.match(r.reason, /no cog-lsp was found on PATH or as a \.NET tool/);
    assert.equal(r.help, INSTALL_HELP);
    assert.match(r.help, /dotnet tool install --global CogLsp/);
    assert.match(r.help, /cogLsp\.server\.path/);
  }
});

test('the tools folder is not searched twice when it is also on PATH', () => {
  const r = locateServer(inputs([], { envPath: '/home/u/.dotnet/tools', homeDir: '/home/u' }));
  assert.equal(r.ok, false);
  if (!r.ok) assert.deepEqual(r.tried, ['/ext/server/linux-x64/cog-lsp', '/home/u/.dotnet/tools/cog-lsp']);
});
