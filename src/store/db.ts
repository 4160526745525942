/** One SQL dialect (PostgreSQL), two engines: embedded PGlite and a PostgreSQL server. */
import { existsSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join } from 'node:path';

export type Engine = 'pglite' | 'postgres';

/** Anything that runs SQL: the database itself or an open transaction. */
export interface Sql {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs several statements without parameters. */
  exec(text: string): Promise<void>;
  /**
   * Runs one statement for what it writes; any rows it returns are not read. Buffer parameters go in
   * PostgreSQL's binary form. The way to send large parameters: embedded, it skips the client's copying.
   */
  write(text: string, params?: readonly unknown[]): Promise<void>;
  /**
   * Appends rows to `table` from PostgreSQL's binary COPY format (copy-binary.ts). Embedded only: the
   * server's client has no COPY, and its writes go as inserts.
   */
  copyFrom?(table: string, columns: readonly string[], rows: Uint8Array): Promise<void>;
}

export interface Db extends Sql {
  readonly engine: Engine;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DbConfig {
  /** postgres://… selects the server; otherwise PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /**
   * Megabytes of pages the embedded database keeps in memory (its shared_buffers; PGlite's own default
   * is 128). A server keeps its own setting.
   */
  bufferMb?: number | undefined;
}

/** Reads the store's configuration from the environment: DATABASE_URL, else PYKALA_DATA or ./data. */
export function readDbConfig(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  return { databaseUrl, dataDir: env.PYKALA_DATA?.trim() || './data' };
}

/**
 * The embedded database's page memory for a large load: PYKALA_BUFFER_MB, else an eighth of this
 * machine's memory, between 128 MB and 1 GB. Random index inserts slow down once the indexes outgrow
 * it (each miss and each eviction is a file read or write through PGlite's file layer).
 */
export function bulkLoadBufferMb(env: NodeJS.ProcessEnv = process.env): number {
  const set = Number(env.PYKALA_BUFFER_MB);
  if (Number.isInteger(set) && set >= 16) return set;
  return Math.min(1024, Math.max(128, Math.floor(totalmem() / 1024 / 1024 / 8)));
}

/** Whether opening `config` creates a new embedded database (initdb: seconds) rather than opening one. */
export function createsEmbeddedDatabase(config: DbConfig): boolean {
  return !config.databaseUrl && !existsSync(join(config.dataDir, 'PG_VERSION'));
}

/** Opens the configured database; call `migrate` before use. */
export async function openDb(config: DbConfig): Promise<Db> {
  if (config.databaseUrl) {
    const { openPostgres } = await import('./postgres-db.js');
    return openPostgres(config.databaseUrl);
  }
  const { openPglite } = await import('./pglite-db.js');
  return openPglite(config.dataDir, { bufferMb: config.bufferMb });
}
