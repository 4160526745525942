import pg from 'pg';
import type { Db, Sql } from './db.js';

const DATE_OID = 1082;
const INT8_OID = 20;

// Same value shapes as PGlite: dates as 'YYYY-MM-DD', bigints as numbers.
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return (value: string) => value;
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** A pool of connections to a PostgreSQL server. */
export async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 4, types: typeParsers });
  // Fail now, with the server's reason, rather than at the first query.
  const client = await pool.connect();
  client.release();
  return {
    engine: 'postgres',
    ...toSql(pool),
    async transaction(fn) {
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN');
        const result = await fn(toSql(conn));
        await conn.query('COMMIT');
        return result;
      } catch (error) {
        await conn.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}

function toSql(target: pg.Pool | pg.PoolClient): Sql {
  return {
    async query<R>(text: string, params: readonly unknown[] = []) {
      const result = await target.query(text, [...params]);
      return result.rows as R[];
    },
    async exec(text: string) {
      await target.query(text);
    },
    async write(text: string, params: readonly unknown[] = []) {
      await target.query(text, [...params]);
    },
  };
}
