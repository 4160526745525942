import type { Command } from 'commander';
import { ingestPaths } from '../../ingest/ingest.js';
import { createProgressReporter, formatCount, formatDuration } from '../../ingest/progress.js';
import { bulkLoadBufferMb, readDbConfig } from '../../store/db.js';
import { listQuarantine } from '../../store/quarantine.repository.js';
import { openStore } from '../open-store.js';

interface IngestOptions {
  failed?: boolean;
  queue?: boolean;
  workers?: string;
  commitEvery?: string;
  bulkLoadMinimum?: string;
}

export function registerIngestCommand(program: Command, setStatus: (code: number) => void): void {
  program
    .command('ingest')
    .description('store documents, folders (recursively) and .zip archives in the database')
    .argument('[paths...]', 'files, folders and .zip archives')
    .option('--failed', 'list the documents that failed (the quarantine) and stop')
    .option('--queue', 'enqueue the documents for `pykala worker` processes instead (PostgreSQL only)')
    .option('-w, --workers <n>', 'parser threads (default: all cores but one)')
    .option('--commit-every <n>', 'documents per transaction, each still whole (default: 200)')
    .option(
      '--bulk-load-minimum <n>',
      'new documents (and at least as many as are stored) that make a large load, whose indexes and term counts are built once at its end (default: 2000)',
    )
    .action(async (paths: string[], options: IngestOptions) => {
      setStatus(await runIngest(paths, options));
    });
}

async function runIngest(paths: readonly string[], options: IngestOptions): Promise<number> {
  const config = readDbConfig();
  const storing = !options.failed && !options.queue;
  // A run that stores documents keeps more of the embedded database in memory. Embedded, it also leaves
  // what a killed load left out to the end of its own load, which builds it once (and may be a large
  // load that would drop those indexes again); a server's may be searched meanwhile, so they go back now.
  const db = await openStore(storing ? { ...config, bufferMb: bulkLoadBufferMb() } : config, {
    finishInterruptedLoad: !storing || Boolean(config.databaseUrl),
  });
  try {
    if (options.failed) {
      for (const q of await listQuarantine(db)) {
        process.stdout.write(`${q.source_path}\t${q.reason}\t${new Date(q.failed_at).toISOString()}\n`);
      }
      return 0;
    }
    if (paths.length === 0) {
      process.stderr.write('pykala ingest: name the files, folders or archives to ingest\n');
      return 2;
    }
    if (options.queue) {
      const { enqueuePaths } = await import('../../ingest/queue.js');
      const count = await enqueuePaths(paths, config);
      process.stderr.write(`pykala ingest: ${count} documents queued\n`);
      return 0;
    }
    const progress = createProgressReporter(process.stderr);
    const stop = stopOnSignal(() => {
      progress.finish();
      process.stderr.write(
        'pykala ingest: stopping once the documents in hand are stored (again to stop at once)…\n',
      );
    });
    const report = await ingestPaths(db, paths, {
      signal: stop.signal,
      workers: options.workers ? Number(options.workers) : undefined,
      commitEvery: options.commitEvery ? Number(options.commitEvery) : undefined,
      bulkLoadMinimum: options.bulkLoadMinimum ? Number(options.bulkLoadMinimum) : undefined,
      onProgress: (p) => progress.update(p),
      onBuildingIndexes: () => {
        progress.finish();
        process.stderr.write('pykala ingest: building the indexes once for the whole load…\n');
      },
    }).finally(() => stop.release());
    progress.finish();
    const rate = report.elapsedMs > 0 ? (report.stored / report.elapsedMs) * 1000 : 0;
    // Stopped with documents left; a stop may also come once every document is in hand.
    const unfinished = report.stopped && report.done < report.total;
    const documents = unfinished ? `stopped at ${formatCount(report.done)} of ${formatCount(report.total)}` : formatCount(report.total); // prettier-ignore
    process.stderr.write(
      `pykala ingest: ${documents} documents in ${formatDuration(report.elapsedMs / 1000)}: ` +
        `${formatCount(report.stored)} stored (${rate.toFixed(1)}/s), ${formatCount(report.skipped)} already stored, ` +
        `${formatCount(report.failed)} failed\n`,
    );
    for (const f of report.failures) process.stderr.write(`pykala ingest: ${f.path}: ${f.reason}\n`);
    if (report.stopped) {
      const next = unfinished
        ? 'the same command stores the rest'
        : report.bulkLoad
          ? 'every document is stored; the next command that uses the store builds the indexes this load left out'
          : 'every document is stored';
      process.stderr.write(`pykala ingest: ${next}\n`);
      return 130;
    }
    return report.failed > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

/**
 * The first SIGINT or SIGTERM aborts `signal` (after `onFirst`); a second ends the process at once, as
 * a kill would, which loses no committed document.
 */
function stopOnSignal(onFirst: () => void): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const handle = () => {
    if (controller.signal.aborted) process.exit(130);
    onFirst();
    controller.abort();
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
  return {
    signal: controller.signal,
    release: () => {
      process.off('SIGINT', handle);
      process.off('SIGTERM', handle);
    },
  };
}
