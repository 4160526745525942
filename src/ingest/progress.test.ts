import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IngestProgress } from './ingest.js';
import { createProgressReporter, formatDuration, formatProgress } from './progress.js';

const progress = (done: number, extra: Partial<IngestProgress> = {}): IngestProgress => ({
  total: 10_000,
  done,
  stored: done,
  skipped: 0,
  failed: 0,
  elapsedMs: 0,
  ...extra,
});

/** A reporter on a clock the test moves, and the lines it has written. */
function reporterAt(options: { tty?: boolean; intervalMs?: number } = {}) {
  let clock = 0;
  const written: string[] = [];
  const stream = { isTTY: options.tty ?? false, columns: 200, write: (s: string) => written.push(s) };
  const reporter = createProgressReporter(stream, () => clock, options.intervalMs ?? 5000);
  return {
    written,
    reporter,
    /** `count` documents, one every `everyMs`, from `from` on. */
    run(from: number, count: number, everyMs: number, extra?: Partial<IngestProgress>) {
      for (let i = 1; i <= count; i++) {
        clock += everyMs;
        reporter.update(progress(from + i, extra));
      }
    },
  };
}

test('a progress line gives the count, the rate, the ETA and what was not stored', () => {
  assert.equal(
    formatProgress(progress(1234, { skipped: 3, failed: 2 }), 312.4),
    '1,234/10,000 documents · 312/s · ETA 0:28 · 3 already stored · 2 failed',
  );
  assert.equal(formatProgress(progress(10), 2.5), '10/10,000 documents · 2.5/s · ETA 1:06:36');
  assert.equal(formatProgress(progress(1), null), '1/10,000 documents · ?/s · ETA ?');
  assert.equal(formatDuration(59.6), '1:00');
});

test('the rate waits for two seconds of documents, so a slow start gives no ETA of hours', () => {
  const r = reporterAt({ intervalMs: 0 });
  // The threads take three seconds to start; then 20 documents a second.
  r.run(0, 1, 3000);
  r.run(1, 41, 50);
  assert.equal(r.written[0], '1/10,000 documents · ?/s · ETA ?\n');
  assert.equal(r.written.at(-1), '42/10,000 documents · 20/s · ETA 8:18\n');
});

test('a load too short for a recent rate ends with its whole rate', () => {
  const r = reporterAt({ intervalMs: 0 });
  r.run(0, 15, 10, { total: 15, elapsedMs: 3000 });
  assert.equal(r.written[0], '1/15 documents · ?/s · ETA ?\n');
  assert.equal(r.written.at(-1), '15/15 documents · 5.0/s · ETA 0:00\n');
});

test('documents counted a batch at a time count from the first of them', () => {
  const r = reporterAt({ intervalMs: 0 });
  // The first batch's 32 are counted at once, three seconds in; the next document 2.5 s later.
  r.run(0, 1, 3000);
  r.run(1, 31, 0);
  r.run(32, 1, 2500);
  assert.equal(r.written.at(-1), '33/10,000 documents · 13/s · ETA 12:59\n');
});

test('the rate is of the last ten seconds: files already stored do not make the ETA too short', () => {
  const r = reporterAt({ intervalMs: 0 });
  // 5,000 stored already go by in five seconds; then 10 new documents a second.
  r.run(0, 5000, 1, { skipped: 5000 });
  r.run(5000, 200, 100, { skipped: 5000 });
  assert.equal(r.written.at(-1), '5,200/10,000 documents · 10/s · ETA 8:00 · 5,000 already stored\n');
});

test('plain lines come every interval and at the end; on a terminal one line is redrawn and ended once', () => {
  const plain = reporterAt({ intervalMs: 5000 });
  plain.run(0, 100, 1000, { total: 100 });
  assert.equal(plain.written.length, 21);
  assert.ok(plain.written.every((line) => line.endsWith('\n') && !line.includes('\r')));
  assert.match(plain.written.at(-1) ?? '', /^100\/100 documents/);

  const tty = reporterAt({ tty: true });
  tty.run(0, 3, 1000, { total: 3 });
  tty.reporter.finish();
  tty.reporter.finish();
  assert.equal(tty.written.length, 4);
  assert.match(tty.written[2] ?? '', /^\r\[#{24}\] 3\/3 documents · 1\.0\/s · ETA 0:00\u001b\[K$/);
  assert.equal(tty.written[3], '\n');
});
