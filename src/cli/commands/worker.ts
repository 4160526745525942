import type { Command } from 'commander';
import { formatCount } from '../../ingest/progress.js';
import { runIngestWorker } from '../../ingest/queue.js';
import { readDbConfig } from '../../store/db.js';

interface WorkerOptions {
  untilEmpty?: boolean;
  workers?: string;
}

export function registerWorkerCommand(program: Command, setStatus: (code: number) => void): void {
  program
    .command('worker')
    .description('store documents queued by `pykala ingest --queue` (PostgreSQL only; run one per machine)')
    .option('--until-empty', 'stop once the queue is empty')
    .option('-w, --workers <n>', 'parser threads (default: all cores)')
    .action(async (options: WorkerOptions) => {
      const stop = new AbortController();
      process.once('SIGTERM', () => stop.abort());
      process.once('SIGINT', () => stop.abort());
      const report = await runIngestWorker(readDbConfig(), {
        untilEmpty: options.untilEmpty,
        workers: options.workers ? Number(options.workers) : undefined,
        signal: stop.signal,
      });
      process.stderr.write(
        `pykala worker: ${formatCount(report.stored)} stored, ${formatCount(report.skipped)} already stored, ${formatCount(report.failed)} failed\n`,
      );
      if (report.failed > 0) setStatus(1);
    });
}
