// The contract itself: the golden corpus's expected.json files obey it, and our copy of the schema is
// the shared one when that is checked out beside the repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minutesSchema } from '../src/domain/minutes.schema.js';
import { FIXTURE_DIR, loadExpected, loadManifest, sourcePath } from './support/corpus.js';
import { contractErrors } from './support/validate-contract.js';

const SHARED = process.env.PYKALA_SHARED ?? fileURLToPath(new URL('../../shared/', import.meta.url));
const SHARED_SCHEMA = join(SHARED, 'contract', 'minutes.schema.json');

const manifest = loadManifest();

test('every expected.json in the golden corpus is valid against the contract', () => {
  for (const spec of manifest.cases) {
    assert.deepEqual(contractErrors(loadExpected(spec)), [], `${spec.name}/expected.json`);
  }
});

test('the manifest lists every fixture folder once, each with its source and expected.json', () => {
  const folders = readdirSync(FIXTURE_DIR)
    .filter((name) => statSync(join(FIXTURE_DIR, name)).isDirectory())
    .sort();
  const names = manifest.cases.map((c) => c.name);
  assert.deepEqual([...names].sort(), folders);
  assert.equal(new Set(names).size, names.length, 'case names are unique');
  for (const spec of manifest.cases) {
    assert.ok(existsSync(sourcePath(spec)), `${spec.name}: ${spec.source} exists`);
    assert.ok(spec.about.length > 20, `${spec.name}: has an about line`);
    assert.ok(spec.min_f1 > 0 && spec.min_f1 <= 1, `${spec.name}: min_f1 in (0, 1]`);
  }
});

test('minutesSchema is the shared contract', (t) => {
  if (!existsSync(SHARED_SCHEMA)) return t.skip(`no shared contract at ${SHARED_SCHEMA}`);
  assert.deepEqual(minutesSchema, JSON.parse(readFileSync(SHARED_SCHEMA, 'utf8')));
});
