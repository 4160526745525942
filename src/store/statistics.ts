import type { Sql } from './db.js';

/** A load at least this large, and a tenth of what is stored, refreshes the planner's statistics. */
const LARGE_LOAD = 1_000;

/**
 * The statistics target of that refresh. ANALYZE samples 300 rows a table per unit: 3,000 here, 30,000 at
 * PostgreSQL's default of 100. What the store's reads need from statistics is how many rows a key has,
 * which the smaller sample tells as well (the same plans, at 10,000 documents); the refresh took 0.43 s
 * instead of 1.7–1.9, on the single thread that has the last word of a load. Columns with a target of
 * their own keep it.
 */
export const AFTER_LOAD_STATISTICS_TARGET = 10;

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
  // One simple query is one transaction: SET LOCAL holds for the ANALYZE beside it and no longer.
  await db.exec(`SET LOCAL default_statistics_target = ${AFTER_LOAD_STATISTICS_TARGET}; ANALYZE`);
  return true;
}
