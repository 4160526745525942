import { mkdir } from 'node:fs/promises';
import { PGlite, types } from '@electric-sql/pglite';
import type { Transaction } from '@electric-sql/pglite';
import type { Db, Sql } from './db.js';
import { DataFolderFS } from './data-folder-fs.js';
import { copyInMessages, isWireParam, statementMessages } from './wire-message.js';

// Same value shapes as the server client: dates as 'YYYY-MM-DD', bigints as numbers.
const parsers = {
  [types.DATE]: (value: string) => value,
  [types.INT8]: (value: string) => Number(value),
};

export interface PgliteOptions {
  /** Shared buffers in megabytes (PGlite's default: 128). */
  bufferMb?: number | undefined;
  /** Write-ahead log since the last checkpoint after which a transaction ends with one. */
  checkpointWalBytes?: number;
}

/** PGlite (PostgreSQL compiled to WebAssembly) in this process, its data files under `dataDir`. */
export async function openPglite(dataDir: string, options: PgliteOptions = {}): Promise<Db> {
  await mkdir(dataDir, { recursive: true });
  const { bufferMb, checkpointWalBytes = CHECKPOINT_WAL_BYTES } = options;
  const startParams = [...START_PARAMS, ...(bufferMb ? ['-c', `shared_buffers=${bufferMb}MB`] : [])];
  const pg = await PGlite.create({ fs: new DataFolderFS(dataDir), parsers, startParams });
  return wrapPglite(pg, checkpointWalBytes);
}

/** An in-memory PGlite database, for tests and restores that are written out afterwards. */
export async function openPgliteInMemory(): Promise<Db> {
  return wrapPglite(await PGlite.create({ parsers, startParams: START_PARAMS }), CHECKPOINT_WAL_BYTES);
}

/**
 * A new write-ahead log segment is not filled with zeros first. PGlite has no WAL writer and no
 * checkpointer to recycle segments ahead of need, so a load creates a segment every 16 MB of log and,
 * zero-filled, wrote it twice: the zeros in 2,048 calls through the file layer, then the log. Recovery
 * reads a segment only up to its last valid record, which does not depend on what lies beyond it.
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'wal_init_zero=off'];

const CHECKPOINT_WAL_BYTES = 1024 * 1024 * 1024;

function wrapPglite(pg: PGlite, checkpointWalBytes: number): Db {
  return {
    engine: 'pglite',
    ...toSql(pg, pg),
    transaction: async (fn) => {
      const result = await pg.transaction((tx) => fn(toSql(pg, tx)));
      await checkpointWhenDue(pg, checkpointWalBytes);
      return result;
    },
    close: () => pg.close(),
  };
}

/**
 * PGlite runs PostgreSQL in single-user mode, which has no checkpointer: write-ahead log piled up until
 * the database closed (13 GB of it beside 6 GB of data after 100,000 documents). Each transaction that
 * leaves `walBytes` of log since the last checkpoint (1 GB, a server's `max_wal_size`) is followed by
 * one, as a server's checkpointer would do, and the log before it is recycled. Not more often: after a
 * checkpoint the first change to each page logs the whole page, and on an archive's random index pages
 * checkpoints every 256 MB cost a fifth of the rate.
 */
async function checkpointWhenDue(pg: PGlite, walBytes: number): Promise<void> {
  const { rows } = await pg.query<{ bytes: number }>(
    'SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), redo_lsn)::int8 AS bytes FROM pg_control_checkpoint()',
  );
  if ((rows[0]?.bytes ?? 0) >= walBytes) await pg.exec('CHECKPOINT');
}

function toSql(pg: PGlite, target: PGlite | Transaction): Sql {
  // Messages go straight to the engine, in the open transaction or in one of their own.
  const exclusively = async (messages: Uint8Array) => {
    const run = () => pg.runExclusive(() => pg.execProtocol(messages, { syncToFs: false }));
    if (target === pg) await pg.transaction(run);
    else await run();
  };
  const sql: Sql = {
    async query<R>(text: string, params: readonly unknown[] = []) {
      const result = await target.query<R>(text, [...params]);
      return result.rows;
    },
    async exec(text: string) {
      await target.exec(text);
    },
    async write(text: string, params: readonly unknown[] = []) {
      if (!params.every(isWireParam)) {
        await sql.query(text, params);
        return;
      }
      await exclusively(statementMessages(text, params));
    },
    async copyFrom(table: string, columns: readonly string[], rows: Uint8Array) {
      // The rows go in the protocol's messages, copied once into the engine.
      await exclusively(copyInMessages(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT binary)`, rows)); // prettier-ignore
    },
  };
  return sql;
}
