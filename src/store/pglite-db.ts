import { mkdir } from 'node:fs/promises';
import { PGlite, types } from '@electric-sql/pglite';
import type { Transaction } from '@electric-sql/pglite';
import type { Db, Sql } from './db.js';

// Same value shapes as the server client: dates as 'YYYY-MM-DD', bigints as numbers.
const parsers = {
  [types.DATE]: (value: string) => value,
  [types.INT8]: (value: string) => Number(value),
};

/**
 * PGlite (PostgreSQL compiled to WebAssembly) in this process, its data files under `dataDir`, with
 * `bufferMb` of shared buffers when given.
 */
export async function openPglite(dataDir: string, bufferMb?: number): Promise<Db> {
  await mkdir(dataDir, { recursive: true });
  const startParams = bufferMb ? [...PGlite.defaultStartParams, '-c', `shared_buffers=${bufferMb}MB`] : undefined; // prettier-ignore
  const pg = await PGlite.create({ dataDir, parsers, ...(startParams ? { startParams } : {}) });
  return wrapPglite(pg);
}

/** An in-memory PGlite database, for tests and restores that are written out afterwards. */
export async function openPgliteInMemory(): Promise<Db> {
  return wrapPglite(await PGlite.create({ parsers }));
}

function wrapPglite(pg: PGlite): Db {
  return {
    engine: 'pglite',
    ...toSql(pg),
    transaction: (fn) => pg.transaction((tx) => fn(toSql(tx))),
    close: () => pg.close(),
  };
}

function toSql(target: PGlite | Transaction): Sql {
  return {
    async query<R>(text: string, params: readonly unknown[] = []) {
      const result = await target.query<R>(text, [...params]);
      return result.rows;
    },
    async exec(text: string) {
      await target.exec(text);
    },
  };
}
