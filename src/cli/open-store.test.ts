import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFERRED_INDEXES, dropDeferredIndexes } from '../store/deferred-indexes.js';
import { indexDefinitions } from '../store/test-databases.js';
import { openStore } from './open-store.js';

/** What `run` writes to standard error, and its result. */
async function stderrOf<T>(run: () => Promise<T>): Promise<{ lines: string[]; result: T }> {
  const write = process.stderr.write;
  let text = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    const result = await run();
    return { lines: text.split('\n').filter(Boolean), result };
  } finally {
    process.stderr.write = write;
  }
}

test('opening says when it creates a new embedded database and when it puts back indexes a killed load left out', async () => {
  const parent = await mkdtemp(join(tmpdir(), 'pykala-open-'));
  const config = { dataDir: join(parent, 'data') };
  try {
    const created = await stderrOf(() => openStore(config));
    assert.deepEqual(created.lines, [`pykala: creating a new database in ${config.dataDir}…`]);
    const complete = await indexDefinitions(created.result);
    await dropDeferredIndexes(created.result);
    await created.result.close();

    const left = await stderrOf(() => openStore(config, { finishInterruptedLoad: false }));
    assert.deepEqual(left.lines, []);
    assert.equal((await indexDefinitions(left.result)).length, complete.length - DEFERRED_INDEXES.length);
    await left.result.close();

    const repaired = await stderrOf(() => openStore(config));
    assert.deepEqual(repaired.lines, [
      `pykala: building ${DEFERRED_INDEXES.length} indexes that an interrupted load left out…`,
    ]);
    assert.deepEqual(await indexDefinitions(repaired.result), complete);
    await repaired.result.close();
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
});
