import type { IngestProgress } from './ingest.js';

/**
 * '1,234/10,000 documents · 312/s · ETA 0:28 · 3 failed', at `rate` documents a second; '?' for the
 * rate and the ETA while it is not known yet.
 */
export function formatProgress(p: IngestProgress, rate: number | null): string {
  const eta = rate !== null && rate > 0 ? (p.total - p.done) / rate : null;
  const parts = [
    `${formatCount(p.done)}/${formatCount(p.total)} documents`,
    `${rate === null ? '?' : rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s`,
    `ETA ${eta === null ? '?' : formatDuration(eta)}`,
  ];
  if (p.skipped > 0) parts.push(`${formatCount(p.skipped)} already stored`);
  if (p.failed > 0) parts.push(`${formatCount(p.failed)} failed`);
  return parts.join(' · ');
}

/** '10,000' */
export function formatCount(n: number): string {
  return n.toLocaleString('en');
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
 * five seconds, so logs stay readable. The rate, and the ETA from it, are of the last `RATE_WINDOW_MS`,
 * so that neither the threads' start nor a run of files already stored makes them lie for long.
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
  const recent = new RecentRate();
  return {
    update(p: IngestProgress): void {
      const t = now();
      recent.add(t, p.done);
      if (t - last < interval && p.done < p.total) return;
      last = t;
      // A load too short for a recent rate ends with its whole one.
      const whole = p.done === p.total && p.elapsedMs > 0 ? (p.done * 1000) / p.elapsedMs : null;
      const text = formatProgress(p, recent.perSecond() ?? whole);
      if (tty) {
        const width = 24;
        const filled = p.total > 0 ? Math.round((p.done / p.total) * width) : width;
        const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text}`;
        stream.write(`\r${line.slice(0, (stream.columns ?? 120) - 1)}\u001b[K`);
        drawn = true;
      } else {
        stream.write(`${text}\n`);
      }
    },
    /** Ends the redrawn line, once: what is written next starts a line of its own. */
    finish(): void {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}

/** How far back the rate looks, and how much it needs before it says anything. */
const RATE_WINDOW_MS = 10_000;
const RATE_MINIMUM_MS = 2_000;

/**
 * Documents a second over the last RATE_WINDOW_MS, from counts sampled about every 100 ms: the newest
 * sample moves with each count until it is 100 ms past the one before it.
 */
class RecentRate {
  private readonly samples: { t: number; done: number }[] = [];

  add(t: number, done: number): void {
    const n = this.samples.length;
    const newest = this.samples[n - 1];
    if (newest && n > 1 && t - (this.samples[n - 2] as { t: number }).t < 100) {
      newest.t = t;
      newest.done = done;
      return;
    }
    this.samples.push({ t, done });
    // Keeps one sample at or before the window's start, to measure from.
    while (this.samples.length > 2 && t - (this.samples[1] as { t: number }).t >= RATE_WINDOW_MS)
      this.samples.shift();
  }

  /** Null until the samples span RATE_MINIMUM_MS. */
  perSecond(): number | null {
    const oldest = this.samples[0];
    const newest = this.samples[this.samples.length - 1];
    if (!oldest || !newest || newest.t - oldest.t < RATE_MINIMUM_MS) return null;
    return ((newest.done - oldest.done) * 1000) / (newest.t - oldest.t);
  }
}
