import type { Sql } from './db.js';

/** A load at least this large, and a tenth of what is stored, refreshes the planner's statistics. */
const LARGE_LOAD = 1_000;

/**
 * Refreshes the query planner's statistics after a large load. PGlite has no autovacuum, and a server
 * may run without it: with no statistics the planner guesses row counts per value wildly (43,000 spans
 * for one document at 100,000 documents) and plans reads by id as if they were scans. Returns whether it
 * ran.
 */
export async function analyzeAfterLoad(db: Sql, stored: number): Promise<boolean> {
  if (stored < LARGE_LOAD) return false;
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents');
  if (stored * 10 < (row?.n ?? 0)) return false;
  await db.exec('ANALYZE');
  return true;
}
