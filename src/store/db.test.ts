import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { bulkLoadBufferMb } from './db.js';
import { openPglite } from './pglite-db.js';
import { createTestDatabase } from './test-databases.js';

test('a large load gives the embedded database more buffers: PYKALA_BUFFER_MB, else a share of memory', () => {
  assert.equal(bulkLoadBufferMb({ PYKALA_BUFFER_MB: '300' }), 300);
  const share = bulkLoadBufferMb({});
  assert.ok(share >= 128 && share <= 1024, String(share));
  assert.equal(bulkLoadBufferMb({ PYKALA_BUFFER_MB: 'lots' }), share);
});

test('PGlite opens with the buffers asked for, and creates log segments without filling them with zeros', async () => {
  const t = await createTestDatabase('pglite');
  try {
    const db = await t.open({ bufferMb: 48 });
    assert.deepEqual(await db.query('SHOW shared_buffers'), [{ shared_buffers: '48MB' }]);
    assert.deepEqual(await db.query('SHOW wal_init_zero'), [{ wal_init_zero: 'off' }]);
  } finally {
    await t.drop();
  }
});

test('PGlite checkpoints once enough write-ahead log has piled up, and recycles the log before it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pykala-wal-'));
  const db = await openPglite(dir, { checkpointWalBytes: 8 * 1024 * 1024 });
  try {
    const sinceCheckpoint = async () =>
      (
        await db.query<{ bytes: number }>(
          'SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), redo_lsn)::int8 AS bytes FROM pg_control_checkpoint()',
        )
      )[0]?.bytes ?? -1;
    await db.exec('CREATE TABLE filler (n int, s text)');
    const segments = () => readdir(join(dir, 'pg_wal')).then((names) => names.filter((n) => /^[0-9A-F]{24}$/.test(n)).length); // prettier-ignore
    for (let i = 0; i < 12; i++) {
      await db.transaction((tx) =>
        tx.query(`INSERT INTO filler SELECT g, repeat(md5(g::text), 8) FROM generate_series(1, 20000) g`),
      );
      assert.ok((await sinceCheckpoint()) < 8 * 1024 * 1024 + 16 * 1024 * 1024);
    }
    // About 77 MB of log went through: without checkpoints its five 16 MB segments would all be there.
    assert.ok((await segments()) < 4, String(await segments()));
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
});
