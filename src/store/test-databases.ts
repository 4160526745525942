import { createHash, randomBytes as random } from 'node:crypto';
import { cp, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db, DbConfig, Engine, Sql } from './db.js';
import { openDb } from './db.js';
import { MIGRATIONS, TABLES, migrate } from './migrations.js';

/** The server the tests use: the machine's PostgreSQL, trust authentication. */
export const TEST_SERVER_URL =
  process.env.PYKALA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let chosen: Promise<Engine[]> | undefined;

/**
 * The engines to test on: PYKALA_TEST_BACKENDS=pglite,postgres when set; otherwise PGlite, plus the
 * server when it answers (with a note when it does not).
 */
export function testEngines(): Promise<Engine[]> {
  chosen ??= chooseEngines();
  return chosen;
}

async function chooseEngines(): Promise<Engine[]> {
  const wanted = process.env.PYKALA_TEST_BACKENDS?.trim();
  if (wanted) {
    return wanted.split(',').map((name) => {
      const engine = name.trim();
      if (engine !== 'pglite' && engine !== 'postgres') throw new Error(`unknown backend: ${engine}`);
      return engine;
    });
  }
  if (await serverAnswers()) return ['pglite', 'postgres'];
  process.stderr.write(`# skipping the PostgreSQL backend: no server answers at ${TEST_SERVER_URL}\n`);
  return ['pglite'];
}

async function serverAnswers(): Promise<boolean> {
  try {
    const db = await openDb({ databaseUrl: withTimeout(TEST_SERVER_URL), dataDir: '' });
    await db.close();
    return true;
  } catch {
    return false;
  }
}

function withTimeout(url: string): string {
  const u = new URL(url);
  u.searchParams.set('connect_timeout', '2');
  return u.toString();
}

export interface TestDatabase {
  engine: Engine;
  /** How a child process reaches the same database (DATABASE_URL or PYKALA_DATA). */
  config: DbConfig;
  env: Record<string, string>;
  /** Opens (and migrates) a connection, with PGlite's buffers when given; closed by `drop`. */
  open(options?: { bufferMb?: number }): Promise<Db>;
  /** Closes what `open` opened and removes the database. */
  drop(): Promise<void>;
}

/** A fresh, empty database: a temp data dir for PGlite, `CREATE DATABASE pykala_test_<random>` on the server. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  const opened: Db[] = [];
  const open = async (config: DbConfig) => {
    const db = await openDb(config);
    opened.push(db);
    await migrate(db);
    return db;
  };
  const closeAll = async () => {
    for (const db of opened.splice(0)) await db.close().catch(() => undefined);
  };
  if (engine === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'pykala-test-'));
    await cp(await pgliteTemplate(), dataDir, { recursive: true });
    const config = { dataDir };
    return {
      engine,
      config,
      env: { PYKALA_DATA: dataDir, DATABASE_URL: '' },
      open: (options) => open({ ...config, ...options }),
      drop: async () => {
        await closeAll();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `pykala_test_${random(6).toString('hex')}`;
  const admin = await openDb({ databaseUrl: TEST_SERVER_URL, dataDir: '' });
  await admin.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  const config = { databaseUrl: url.toString(), dataDir: '' };
  return {
    engine,
    config,
    env: { DATABASE_URL: url.toString() },
    open: () => open(config),
    drop: async () => {
      await closeAll();
      const db = await openDb({ databaseUrl: TEST_SERVER_URL, dataDir: '' });
      try {
        await db.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await db.close();
      }
    },
  };
}

/** Runs `use` on a fresh, migrated database of `engine`, dropped afterwards whatever happens. */
export async function withTestDatabase<T>(engine: Engine, use: (db: Db) => Promise<T>): Promise<T> {
  const t = await createTestDatabase(engine);
  try {
    return await use(await t.open());
  } finally {
    await t.drop();
  }
}

/**
 * A migrated PGlite data dir to copy, made once per schema: creating one takes seconds (initdb),
 * copying it a few milliseconds.
 */
async function pgliteTemplate(): Promise<string> {
  const schema = createHash('sha256').update(JSON.stringify(MIGRATIONS)).digest('hex').slice(0, 16);
  const template = join(tmpdir(), `pykala-pglite-template-${schema}`);
  if (await exists(template)) return template;
  const building = await mkdtemp(join(tmpdir(), 'pykala-pglite-building-'));
  const db = await openDb({ dataDir: building });
  await migrate(db);
  await db.close();
  // Test files run in parallel; the first to finish wins and the others' copies are dropped.
  await rename(building, template).catch(() => rm(building, { recursive: true, force: true }));
  return template;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Row count and a digest of every row of every table: equal digests, equal contents. */
export async function tableDigests(db: Sql): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const rows = await db.query<{ n: number; digest: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(to_jsonb(t)::text, '|' ORDER BY to_jsonb(t)::text)) AS digest FROM ${table} t`,
    );
    out[table] = `${rows[0]?.n ?? 0}:${rows[0]?.digest ?? ''}`;
  }
  return out;
}

/** Every index of the schema with its definition, by name: equal lists, the same indexes. */
export function indexDefinitions(db: Sql): Promise<Record<string, unknown>[]> {
  return db.query(
    'SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1',
  );
}
