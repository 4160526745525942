import type { IngestProgress } from './ingest.js';

/** '1,234/10,000 documents · 312/s · ETA 0:28 · 3 failed' */
export function formatProgress(p: IngestProgress): string {
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? p.done / seconds : 0;
  const eta = rate > 0 ? (p.total - p.done) / rate : null;
  const parts = [
    `${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')} documents`,
    `${rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s`,
    `ETA ${eta === null ? '?' : formatDuration(eta)}`,
  ];
  if (p.skipped > 0) parts.push(`${p.skipped} already stored`);
  if (p.failed > 0) parts.push(`${p.failed} failed`);
  return parts.join(' · ');
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/**
 * On a terminal one line redrawn at most ten times a second, with a bar; elsewhere a plain line every
 * five seconds, so logs stay readable.
 */
export function createProgressReporter(
  stream: ProgressStream,
  now: () => number = Date.now,
  plainIntervalMs = Number(process.env.PYKALA_PROGRESS_MS ?? 5000),
) {
  let last = -Infinity;
  let drawn = false;
  const tty = stream.isTTY === true;
  const interval = tty ? 100 : plainIntervalMs;
  return {
    update(p: IngestProgress): void {
      const t = now();
      if (t - last < interval && p.done < p.total) return;
      last = t;
      if (tty) {
        const width = 24;
        const filled = p.total > 0 ? Math.round((p.done / p.total) * width) : width;
        const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${formatProgress(p)}`;
        stream.write(`\r${line.slice(0, (stream.columns ?? 120) - 1)}\u001b[K`);
        drawn = true;
      } else {
        stream.write(`${formatProgress(p)}\n`);
      }
    },
    /** Ends the redrawn line, once: what is written next starts a line of its own. */
    finish(): void {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
