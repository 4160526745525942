import { availableParallelism } from 'node:os';
import { sha256Hex } from '../lib/stable-id.js';
import type { Db } from '../store/db.js';
import { addDocumentSources, listStoredDocumentIds } from '../store/document.repository.js';
import { quarantineDocument } from '../store/quarantine.repository.js';
import { findLexicon } from '../search/index/index-document.js';
import { dropDeferredIndexes, ensureDeferredIndexes, foldTermDeltas } from '../store/deferred-indexes.js';
import { analyzeAfterLoad } from '../store/statistics.js';
import { ParsePool } from './parse-pool.js';
import type { PreparedDocument } from './prepare-document.js';
import type { SourceEntry } from './sources.js';
import { listSources } from './sources.js';
import type { StoreOptions } from './store-document.js';
import { storeDocuments } from './store-document.js';

export type DocumentOutcome = 'stored' | 'skipped' | 'failed';

export interface IngestProgress {
  total: number;
  done: number;
  stored: number;
  skipped: number;
  failed: number;
  elapsedMs: number;
}

export interface IngestFailure {
  path: string;
  reason: string;
}

export interface IngestReport extends IngestProgress {
  failures: IngestFailure[];
  /** Whether the indexes a large load defers were dropped for the load and built at its end. */
  bulkLoad: boolean;
  /**
   * Whether `signal` stopped the load: the documents already parsed or being parsed were stored, the
   * rest not, and what a large load defers was left as a killed load leaves it, for the next run.
   */
  stopped: boolean;
}

export interface IngestOptions {
  /**
   * Parser threads; by default all cores but one, which this thread needs for writing (and, embedded, for
   * the database that runs in it): on two cores one thread parses faster than the writer can store.
   */
  workers?: number;
  /**
   * Documents written per transaction (200 by default). Each stays whole either way; more per commit is
   * faster, and a kill loses at most the uncommitted batch, which the next run stores.
   */
  commitEvery?: number;
  /** A batch smaller than `commitEvery` is written once its first document has waited this long. */
  maxWaitMs?: number;
  onProgress?: (progress: IngestProgress) => void;
  /** Called once the sources are listed, before any is read. */
  onListed?: (total: number) => void;
  /** Stops the load: no more documents are read, and those in hand are stored. */
  signal?: AbortSignal;
  /**
   * A load of at least this many new documents (2,000 by default), and at least as many as are stored,
   * into the embedded store or into an empty database on a server, drops the indexes that nothing it
   * reads goes through (the search tables' and the model's largest tables' secondary indexes) and builds
   * them once at the end, which costs less than keeping them up to date document by document
   * (docs/adr/0016, 0019).
   */
  bulkLoadMinimum?: number;
  /**
   * Called when the writes are done and deferred indexes are being built: those a bulk load dropped, or
   * those a killed one left out if the store was opened without putting them back.
   */
  onBuildingIndexes?: () => void;
}

/**
 * Ingests files, folders and .zip archives: each document is hashed, then parsed and analysed on a
 * worker thread unless stored already; this thread writes the results in batches, one transaction per
 * batch, each document whole or not at all. A document that fails is quarantined and the rest go on.
 */
export async function ingestPaths(
  db: Db,
  paths: readonly string[],
  options: IngestOptions = {},
): Promise<IngestReport> {
  const started = Date.now();
  const commitEvery = Math.max(1, options.commitEvery ?? 200);
  const workers = Math.max(1, options.workers ?? availableParallelism() - 1);
  // Two batches' worth on the threads: the next one is prepared while one is written, and an embedded
  // database keeps this thread busy for the whole write, so the threads must already hold the work.
  const limit = 2 * commitEvery + workers * 3;
  // The threads start before the sources are listed: they load while the folders are walked.
  const pool = new ParsePool({ size: workers, depth: Math.ceil(limit / workers), lexicon: await findLexicon(db) }); // prettier-ignore
  const listing = await listSources(paths).catch(async (error: unknown) => {
    await pool.close();
    throw error;
  });
  const report: IngestReport = { total: listing.entries.length + listing.errors.length, done: 0, stored: 0, skipped: 0, failed: 0, elapsedMs: 0, failures: [], bulkLoad: false, stopped: false }; // prettier-ignore
  options.onListed?.(report.total);
  const count = (outcome: DocumentOutcome, failure?: IngestFailure) => {
    report.done += 1;
    report[outcome] += 1;
    if (failure) report.failures.push(failure);
    report.elapsedMs = Date.now() - started;
    options.onProgress?.({ ...report });
  };
  // Writes happen one at a time, in the order documents finish parsing.
  let writes: Promise<void> = Promise.resolve();
  const write = (job: () => Promise<void>) => {
    writes = writes.then(job);
    return writes;
  };
  // Documents read, hashed and not stored yet, waiting to be sent to the threads.
  const waiting: ReadEntry[] = [];
  const inFlight = new Set<Promise<void>>();
  let wakeReader: (() => void) | null = null;
  // Parsed documents wait here until the writer takes `commitEvery` of them in one transaction, or
  // fewer once the first has waited `maxWaitMs`, or the rest at the end.
  const ready: PreparedDocument[] = [];
  const maxWaitMs = options.maxWaitMs ?? 2000;
  let timer: NodeJS.Timeout | null = null;
  /**
   * Sends waiting documents to the threads, up to `limit` there and the writer at most one batch
   * behind. Runs whenever a document comes back and just before each write, so the threads hold their
   * work when a long write starts: embedded, the database runs on this thread, which does nothing else
   * until the write is done.
   */
  const send = () => {
    while (waiting.length > 0 && inFlight.size < limit && ready.length < commitEvery) {
      const r = waiting.shift() as ReadEntry & { bytes: Buffer };
      const done = (then: () => Promise<void> | undefined) => {
        inFlight.delete(task);
        send();
        return then();
      };
      const task: Promise<void> = pool.prepare(r.bytes, r.entry.path, r.entry.fileName).then(
        (doc) => done(() => enqueue(doc)),
        (error: Error & { code?: string | null }) =>
          done(() => fail(r.entry.path, r.sha256, error.message, error.code ?? null)),
      );
      inFlight.add(task);
    }
    if (waiting.length < limit) wakeReader?.();
  };
  let writing = false;
  // Batches asked for and not begun: each takes up to `commitEvery` of what is ready when it begins.
  let queued = 0;
  const storeReady = () => {
    writing = true;
    queued += 1;
    if (timer) clearTimeout(timer);
    timer = null;
    return write(async () => {
      // The event loop turns before each batch. While documents keep coming back, this thread takes
      // message after message, and the batches they complete, without one, so a signal (Ctrl-C) waited
      // for the end of the load.
      await new Promise<void>((resolve) => setImmediate(resolve));
      queued -= 1;
      const docs = ready.splice(0, commitEvery);
      send();
      if (docs.length === 0) return;
      await decideBulk();
      await store(db, docs, count, { deferTermCounts: bulk === true });
    });
  };
  const enqueue = (doc: PreparedDocument) => {
    ready.push(doc);
    // The first batch goes once a few documents are ready: the writer need not wait for a whole batch
    // while the threads warm up. After it, a batch is asked for once a whole one is ready beyond those
    // already asked for. Asked for at every document past a whole batch (as documents came back during
    // a write), batches ran ahead of the threads and each took the few documents there were: 137
    // transactions of 73 documents on average for 10,000 documents, where `commitEvery` says 200.
    const batch = writing ? commitEvery : Math.min(commitEvery, FIRST_BATCH);
    if (ready.length >= batch + queued * commitEvery) return storeReady();
    timer ??= setTimeout(() => void storeReady(), maxWaitMs);
    return undefined;
  };
  // Whether this is a bulk load is decided before the first write, when the files already stored are
  // known; the deferred indexes are dropped then and built after the last write.
  let bulk: boolean | null = null;
  // Whether every deferred index is there and every document frequency added, as the load's end makes
  // sure; a load that fails part-way sees to it in `finally`.
  let storeWhole = false;
  let stored = new Set<string>();
  const decideBulk = async () => {
    if (bulk !== null) return;
    const minimum = options.bulkLoadMinimum ?? BULK_LOAD_MINIMUM;
    const fresh = listing.entries.length - report.skipped;
    // Embedded, nothing else reads the store meanwhile; on a server something may, unless it is empty.
    bulk = fresh >= Math.max(minimum, stored.size) && (db.engine === 'pglite' || stored.size === 0);
    report.bulkLoad = bulk;
    if (!bulk) return;
    await dropDeferredIndexes(db);
  };
  // Stopping: what is read but not sent yet is let go; the reader is woken to see it.
  const stop = () => {
    waiting.length = 0;
    wakeReader?.();
  };
  const fail = (path: string, sha256: string | null, reason: string, code: string | null) =>
    write(async () => {
      await quarantineDocument(db, { sourcePath: path, sha256, reason, code });
      count('failed', { path, reason });
    });
  try {
    for (const e of listing.errors) await fail(e.path, null, e.reason, 'ENOENT');
    // What is stored already is read once: embedded, a lookup per file would wait for the write in
    // progress, and the threads would run dry. A document stored meanwhile by another process is parsed
    // in vain but still stored once: the writer looks again.
    stored = await listStoredDocumentIds(db);
    options.signal?.addEventListener('abort', stop, { once: true });
    for (const chunk of chunks(listing.entries, 64)) {
      while (waiting.length >= limit) await new Promise<void>((resolve) => (wakeReader = resolve));
      wakeReader = null;
      if (options.signal?.aborted) break;
      const read = await readChunk(chunk);
      if (options.signal?.aborted) break;
      const skipped = read.filter((r) => r.bytes && stored.has(r.sha256));
      if (skipped.length > 0) {
        await write(async () => {
          await addDocumentSources(
            db,
            skipped.map((r) => [r.sha256, r.entry.path] as const),
          );
          for (let i = 0; i < skipped.length; i++) count('skipped');
        });
      }
      for (const r of read) {
        if (r.bytes && stored.has(r.sha256)) continue;
        if (r.bytes) waiting.push(r);
        else void fail(r.entry.path, null, r.error ?? 'could not be read', 'EREAD');
      }
      send();
    }
    // What is still waiting goes out as documents come back and batches are written.
    while (waiting.length > 0 || inFlight.size > 0) {
      send();
      await (inFlight.size > 0 ? Promise.race(inFlight) : writes);
    }
    while (ready.length > 0) await storeReady();
    await writes;
    report.stopped = options.signal?.aborted === true;
    if (!report.stopped) {
      // What this load deferred, and what an earlier one killed before its end left out if the store was
      // opened without putting that back: built once, for everything stored.
      await ensureDeferredIndexes(db, () => options.onBuildingIndexes?.());
      await foldTermDeltas(db);
      storeWhole = true;
      await analyzeAfterLoad(db, report.stored);
    }
  } finally {
    if (timer) clearTimeout(timer);
    options.signal?.removeEventListener('abort', stop);
    // An ingest that failed part-way still leaves a store that can be searched.
    if (!storeWhole && !report.stopped) {
      await ensureDeferredIndexes(db).catch(() => undefined);
      await foldTermDeltas(db).catch(() => undefined);
    }
    listing.close();
    await pool.close();
  }
  report.elapsedMs = Date.now() - started;
  return report;
}

const BULK_LOAD_MINIMUM = 2_000;
const FIRST_BATCH = 32;

async function store(
  db: Db,
  docs: readonly PreparedDocument[],
  count: (o: DocumentOutcome, f?: IngestFailure) => void,
  options: StoreOptions,
): Promise<void> {
  const outcomes = await storeDocuments(db, docs, options);
  for (const [i, outcome] of outcomes.entries()) {
    const doc = docs[i] as PreparedDocument;
    if (!(outcome instanceof Error)) {
      count(outcome);
      continue;
    }
    const reason = `could not be stored: ${outcome.message}`;
    await quarantineDocument(db, { sourcePath: doc.sourcePath, sha256: doc.sha256, reason, code: 'STORE' });
    count('failed', { path: doc.sourcePath, reason });
  }
}

interface ReadEntry {
  entry: SourceEntry;
  bytes: Buffer | null;
  sha256: string;
  error?: string;
}

async function readChunk(entries: readonly SourceEntry[]): Promise<ReadEntry[]> {
  return Promise.all(
    entries.map(async (entry) => {
      try {
        const bytes = await entry.read();
        return { entry, bytes, sha256: sha256Hex(bytes) };
      } catch (error) {
        return { entry, bytes: null, sha256: '', error: `could not be read: ${(error as Error).message}` };
      }
    }),
  );
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
