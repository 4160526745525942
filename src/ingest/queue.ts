import { basename } from 'node:path';
import type { Db, DbConfig } from '../store/db.js';
import { openDb } from '../store/db.js';
import type { JobQueue } from '../store/job-queue.js';
import { openJobQueue } from '../store/job-queue.js';
import { migrate } from '../store/migrations.js';
import { quarantineDocument } from '../store/quarantine.repository.js';
import { ParsePool } from './parse-pool.js';
import { listSources, readSource } from './sources.js';
import { storeDocument } from './store-document.js';

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
  const pool = new ParsePool({ size: options.workers });
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
  let writes = Promise.resolve();
  await Promise.all(
    jobs.map(async ({ data }) => {
      try {
        const bytes = await readSource(data.path);
        const doc = await pool.prepare(bytes, data.path, basename(data.path));
        // Parsed in parallel, written one at a time.
        const write = writes.then(async () => {
          report[await storeDocument(db, doc)] += 1;
        });
        writes = write.catch(() => undefined);
        await write;
      } catch (error) {
        const e = error as Error & { code?: string | null };
        await quarantineDocument(db, {
          sourcePath: data.path,
          sha256: null,
          reason: e.message,
          code: e.code ?? null,
        });
        report.failed += 1;
      }
    }),
  );
  await queue.complete(jobs.map((j) => j.id));
}
