import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Db, Sql } from './db.js';
import { MIGRATIONS, TABLES } from './migrations.js';
import { provenanceFromSpans } from './migrations/0007-provenance-per-document.js';
import { personContextsFromModel } from './migrations/0010-person-contexts.js';

export const BACKUP_FORMAT = 'pykala-backup';
export const BACKUP_VERSION = 1;

interface Header {
  format: typeof BACKUP_FORMAT;
  version: number;
  engine: string;
  schema: number;
  createdAt: string;
}

type Line = Header | { table: string } | { end: true; rows: number };

const FETCH = 500;
// Tables of the database's own bookkeeping: a fresh database has its own rows, so a restore keeps them.
const BOOKKEEPING = new Set(['schema_migrations', 'data_version']);
// The schema from which spans are kept per document.
const PROVENANCE_PER_DOCUMENT = MIGRATIONS.find((m) => m.name === 'provenance-per-document')?.version ?? 0;
const SEARCH_NAME_PAIRS = MIGRATIONS.find((m) => m.name === 'search-name-pairs')?.version ?? 0;
const PERSON_CONTEXTS = MIGRATIONS.find((m) => m.name === 'person-contexts')?.version ?? 0;

/**
 * Writes every table as JSON lines from one repeatable-read transaction, so the snapshot is consistent
 * while ingest goes on. The same format from and to either engine. Returns the number of rows.
 */
export async function writeBackup(db: Db, out: Writable): Promise<number> {
  const write = async (line: Line | string) => {
    if (!out.write(`${typeof line === 'string' ? line : JSON.stringify(line)}\n`)) await once(out, 'drain');
  };
  const schema = Math.max(...MIGRATIONS.map((m) => m.version));
  await write({ format: BACKUP_FORMAT, version: BACKUP_VERSION, engine: db.engine, schema, createdAt: new Date().toISOString() }); // prettier-ignore
  let rows = 0;
  await db.transaction(async (tx) => {
    await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    for (const table of await listTables(tx)) {
      await write({ table });
      await tx.exec(
        `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${table} t`,
      );
      for (;;) {
        const batch = await tx.query<{ j: string }>(`FETCH ${FETCH} FROM backup_rows`);
        for (const r of batch) await write(r.j);
        rows += batch.length;
        if (batch.length < FETCH) break;
      }
      await tx.exec('CLOSE backup_rows');
    }
  });
  await write({ end: true, rows });
  return rows;
}

export class RestoreError extends Error {
  override readonly name = 'RestoreError';
}

/** Loads a backup into a migrated, empty database in one transaction. Returns the number of rows. */
export async function restoreBackup(db: Db, input: Readable): Promise<number> {
  // The iterator buffers from now on; lines read before it exists would be lost.
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  return db.transaction(async (tx) => {
    const stored = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM documents');
    if ((stored[0]?.n ?? 0) > 0)
      throw new RestoreError('the database is not empty: restore into a fresh one');
    let header: Header | null = null;
    const tables = await listTables(tx);
    let table: string | null = null;
    let pending: string[] = [];
    let rows = 0;
    let ended = false;
    const flush = async () => {
      if (table && pending.length > 0 && !BOOKKEEPING.has(table)) await insertRows(tx, table, pending);
      rows += pending.length;
      pending = [];
    };
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const line = next.value;
      if (line.length === 0) continue;
      if (!header) {
        header = JSON.parse(line) as Header;
        if (header.format !== BACKUP_FORMAT) throw new RestoreError('not a pykala backup');
        const schema = Math.max(...MIGRATIONS.map((m) => m.version));
        if (header.schema > schema)
          throw new RestoreError(`backup of schema ${header.schema}, newer than ${schema}`);
        // The search rows' format comes with them; rows from before names' word pairs have none.
        await tx.exec(header.schema < SEARCH_NAME_PAIRS ? 'UPDATE search_format SET name_pairs = false' : 'DELETE FROM search_format'); // prettier-ignore
        if (header.schema < PROVENANCE_PER_DOCUMENT) {
          await tx.exec(`CREATE TEMP TABLE provenance_spans (document_id text, pointer text, start_offset integer, end_offset integer) ON COMMIT DROP`); // prettier-ignore
          tables.push('provenance_spans');
        }
        continue;
      }
      if (line.startsWith('{"table":') || line.startsWith('{"end":')) {
        const marker = JSON.parse(line) as Line;
        if ('table' in marker && Object.keys(marker).length === 1) {
          await flush();
          if (!tables.includes(marker.table)) throw new RestoreError(`unknown table ${marker.table}`);
          table = marker.table;
          continue;
        }
        if ('end' in marker) {
          await flush();
          ended = true;
          continue;
        }
      }
      pending.push(line);
      if (pending.length >= FETCH) await flush();
    }
    if (!ended) throw new RestoreError('the backup is cut short');
    // A backup from before spans were kept per document holds them a row per field.
    if (header && header.schema < PROVENANCE_PER_DOCUMENT) await tx.exec(provenanceFromSpans);
    // Where people were seen is derived from memberships and attendance; older backups lack it.
    if (header && header.schema < PERSON_CONTEXTS) await tx.exec(personContextsFromModel);
    return rows;
  });
}

/**
 * The model's tables parents first, then any other table of the schema (added by later stages, which
 * refer to the model's), by name.
 */
async function listTables(tx: Sql): Promise<string[]> {
  const rows = await tx.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const present = new Set(rows.map((r) => r.table_name));
  return [...TABLES.filter((t) => present.has(t)), ...[...present].filter((t) => !TABLES.includes(t))];
}

async function insertRows(tx: Sql, table: string, rows: readonly string[]): Promise<void> {
  await tx.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, [
    `[${rows.join(',')}]`,
  ]);
}
