import { basename } from 'node:path';
import type { Db, DbConfig } from '../store/db.js';
import { openDb } from '../store/db.js';
import type { JobQueue } from '../store/job-queue.js';
import { openJobQueue } from '../store/job-queue.js';
import { migrate } from '../store/migrations.js';
import { quarantineDocument } from '../store/quarantine.repository.js';
import { findLexicon } from '../search/index/index-document.js';
import { ParsePool } from './parse-pool.js';
import { listSources, readSource } from './sources.js';
import type { PreparedDocument } from './prepare-document.js';
import { storeDocuments } from './store-document.js';

export const INGEST_QUEUE = 'pykala-ingest';

interface IngestJob {
  path: string;
}

function requireServer(config: DbConfig): string {
  if (!config.databaseUrl) throw new Error('the job queue needs a PostgreSQL server: set DATABASE_URL');
  return config.databaseUrl;
}

/**
 * Puts one job per document on the queue. Workers must see the same paths (a shared disk); whatever is
 * stored already is skipped by them as by a local ingest.
 */
export async function enqueuePaths(paths: readonly string[], config: DbConfig): Promise<number> {
  const listing = await listSources(paths);
  listing.close();
  const queue = await openJobQueue(requireServer(config), INGEST_QUEUE);
  try {
    await queue.enqueue(listing.entries.map((e): IngestJob => ({ path: e.path })));
  } finally {
    await queue.close();
  }
  for (const e of listing.errors) process.stderr.write(`pykala ingest: ${e.path}: ${e.reason}\n`);
  return listing.entries.length;
}

export interface WorkerReport {
  stored: number;
  skipped: number;
  failed: number;
}

export interface WorkerOptions {
  workers?: number;
  /** Stop once no job is waiting, rather than wait for more. */
  untilEmpty?: boolean;
  signal?: AbortSignal;
}

/** Takes documents off the queue, parses them on threads and stores them, until stopped. */
export async function runIngestWorker(config: DbConfig, options: WorkerOptions = {}): Promise<WorkerReport> {
  const url = requireServer(config);
  const db = await openDb(config);
  await migrate(db);
  const queue = await openJobQueue(url, INGEST_QUEUE);
  const pool = new ParsePool({ size: options.workers, lexicon: await findLexicon(db) });
  const report: WorkerReport = { stored: 0, skipped: 0, failed: 0 };
  try {
    while (!options.signal?.aborted) {
      const jobs = await queue.fetch<IngestJob>(pool.size * 2);
      if (jobs.length === 0) {
        if (options.untilEmpty && (await queue.waiting()) === 0) break;
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      await processJobs(jobs, queue, pool, db, report);
    }
  } finally {
    await pool.close();
    await queue.close();
    await db.close();
  }
  return report;
}

async function processJobs(
  jobs: readonly { id: string; data: IngestJob }[],
  queue: JobQueue,
  pool: ParsePool,
  db: Db,
  report: WorkerReport,
): Promise<void> {
  const fail = async (path: string, sha256: string | null, e: Error & { code?: string | null }) => {
    await quarantineDocument(db, { sourcePath: path, sha256, reason: e.message, code: e.code ?? null });
    report.failed += 1;
  };
  // Parsed in parallel, then written in one batch.
  const prepared: PreparedDocument[] = [];
  await Promise.all(
    jobs.map(async ({ data }) => {
      try {
        const bytes = await readSource(data.path);
        prepared.push(await pool.prepare(bytes, data.path, basename(data.path)));
      } catch (error) {
        await fail(data.path, null, error as Error);
      }
    }),
  );
  const outcomes = await storeDocuments(db, prepared);
  for (const [i, outcome] of outcomes.entries()) {
    const doc = prepared[i] as PreparedDocument;
    if (outcome instanceof Error) {
      await fail(doc.sourcePath, doc.sha256, Object.assign(new Error(`could not be stored: ${outcome.message}`), { code: 'STORE' })); // prettier-ignore
    } else report[outcome] += 1;
  }
  await queue.complete(jobs.map((j) => j.id));
}
