import { strict as assert } from 'assert';
import { test } from 'node:test';
import { findPythonPackagesLine, pickMigrationAction } from '../src/migration';

test('a refactor.rewrite migration wins over a quick fix with the same title', () => {
  const actions = [
    { title: 'Pin torch to 1.11.0+cu113', kind: 'refactor.rewrite' },
    { title: 'Migrate python_packages to requirements.txt', kind: 'quickfix' },
    { title: 'Migrate python_packages to requirements.txt', kind: 'refactor.rewrite.migrate' },
  ];
  assert.equal(pickMigrationAction(actions), 2);
});

test('a quick fix titled like the migration is used when there is no rewrite', () => {
  assert.equal(pickMigrationAction([{ title: 'Remove duplicate', kind: 'quickfix' }, { title: 'Migrate python_packages into requirements.txt', kind: 'quickfix' }]), 1);
});

test('other rewrites on the line are not mistaken for the migration', () => {
  assert.equal(pickMigrationAction([{ title: 'Pin torch', kind: 'refactor.rewrite' }]), -1);
  assert.equal(pickMigrationAction([]), -1);
});

test('the python_packages key is found in cog.yaml text', () => {
  assert.equal(findPythonPackagesLine('build:\r\n  gpu: true\r\n  python_packages:\r\n    - torch==1.11.0\r\n'), 2);
  assert.equal(findPythonPackagesLine('build:\n  python_requirements: requirements.txt\n'), -1);
  assert.equal(findPythonPackagesLine('# python_packages: is mentioned in a comment\n'), -1);
});
