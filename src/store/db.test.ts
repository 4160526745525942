import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bulkLoadBufferMb } from './db.js';
import { createTestDatabase } from './test-databases.js';

test('a large load gives the embedded database more buffers: PYKALA_BUFFER_MB, else a share of memory', () => {
  assert.equal(bulkLoadBufferMb({ PYKALA_BUFFER_MB: '300' }), 300);
  const share = bulkLoadBufferMb({});
  assert.ok(share >= 128 && share <= 1024, String(share));
  assert.equal(bulkLoadBufferMb({ PYKALA_BUFFER_MB: 'lots' }), share);
});

test('PGlite opens with the buffers asked for', async () => {
  const t = await createTestDatabase('pglite');
  try {
    const db = await t.open({ bufferMb: 48 });
    assert.deepEqual(await db.query('SHOW shared_buffers'), [{ shared_buffers: '48MB' }]);
  } finally {
    await t.drop();
  }
});
