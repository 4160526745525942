/**
 * Ingest throughput, embedded (PGlite) and on the PostgreSQL server.
 *
 *   node --import tsx bench/ingest.bench.ts [--docs N] [--large N | --full] [--store-docs N] [--seed N]
 *                                           [--commit-every N] [--engines pglite,postgres] [--no-baselines]
 *
 * Writes a deterministic synthetic corpus (bench/synthetic-corpus.ts) of `--docs` (10,000, or
 * PYKALA_BENCH_DOCS) files and ingests it end to end (walk, hash, parse and analyse on all cores, write
 * `--commit-every` (200) documents per transaction) into a fresh PGlite data dir (with the buffers
 * `pykala ingest` gives it: PYKALA_BUFFER_MB or an eighth of memory up to 1 GB) and a fresh server
 * database. `--large N` (or PYKALA_BENCH_LARGE; `--full` = 10 × docs, so 100,000) does the same with N
 * documents for the scaling ratio (time at N over time at docs; linear growth is N / docs).
 *
 * Baselines in the same run, on `--store-docs` (2,000) documents prepared beforehand: the threads'
 * preparation alone (parse + analysis, no writes: the ceiling of the end-to-end rate), and the store
 * alone, one transaction per document (the old way) against `--commit-every` per transaction, with the
 * write-ahead log each document costs there. The end-to-end rates are also given as shares of these
 * baselines (`embedded_over_prepare`, `embedded_over_store`, `server_over_prepare`), to compare runs made
 * while the machine was faster or slower.
 * Human-readable lines first; the last line is one JSON object.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IngestProgress } from '../src/ingest/ingest.js';
import { ingestPaths } from '../src/ingest/ingest.js';
import { ParsePool } from '../src/ingest/parse-pool.js';
import type { PreparedDocument } from '../src/ingest/prepare-document.js';
import { storeDocuments } from '../src/ingest/store-document.js';
import type { Db, Engine } from '../src/store/db.js';
import { bulkLoadBufferMb } from '../src/store/db.js';
import type { TestDatabase } from '../src/store/test-databases.js';
import { createTestDatabase, testEngines } from '../src/store/test-databases.js';
import { generateDocument, mixSeed } from './synthetic-corpus.js';

interface Options {
  docs: number;
  large: number;
  storeDocs: number;
  seed: number;
  commitEvery: number;
  engines: string[] | null;
  baselines: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
  const options: Options = { docs: env('PYKALA_BENCH_DOCS', 10_000), large: env('PYKALA_BENCH_LARGE', 0), storeDocs: 2_000, seed: 20_180_315, commitEvery: 200, engines: null, baselines: true }; // prettier-ignore
  let full = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--full') full = true;
    else if (arg === '--no-server') options.engines = ['pglite'];
    else if (arg === '--engines') options.engines = String(argv[++i]).split(',');
    else if (arg === '--no-baselines') options.baselines = false;
    else if (arg === '--docs') options.docs = Number(argv[++i]);
    else if (arg === '--large') options.large = Number(argv[++i]);
    else if (arg === '--commit-every') options.commitEvery = Number(argv[++i]);
    else if (arg === '--store-docs') options.storeDocs = Number(argv[++i]);
    else if (arg === '--seed') options.seed = Number(argv[++i]);
    else throw new Error(`unknown argument: ${arg}`);
  }
  if (full && options.large === 0) options.large = 10 * options.docs;
  return options;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function writeCorpus(count: number, seed: number): Promise<{ dir: string; bytes: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'pykala-bench-'));
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const d = generateDocument(mixSeed(seed, i));
    // Folders of 1,000, as archives are kept.
    const file = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'), d.fileName);
    if (i % 1000 === 0) execFileSync('mkdir', ['-p', join(file, '..')]);
    await writeFile(file, d.text);
    bytes += Buffer.byteLength(d.text);
  }
  return { dir, bytes };
}

/**
 * The database's size as PostgreSQL counts it (tables, indexes, TOAST; comparable across engines) and, for
 * PGlite, its data folder on disk, which also holds WAL segments kept for reuse (up to `max_wal_size`).
 */
async function databaseMb(t: TestDatabase, db: Db): Promise<{ database: number; folder: number | null }> {
  const rows = await db.query<{ n: number }>('SELECT pg_database_size(current_database())::int8 AS n');
  const database = (rows[0]?.n ?? 0) / 1024 / 1024;
  if (t.engine !== 'pglite') return { database, folder: null };
  const kb = Number(execFileSync('du', ['-sk', t.config.dataDir]).toString().split('\t')[0]);
  return { database, folder: kb / 1024 };
}

async function ingestRun(engine: Engine, dir: string, count: number, commitEvery: number) {
  const t = await createTestDatabase(engine);
  try {
    const db = await t.open({ bufferMb: bulkLoadBufferMb() });
    // Each tenth's rate, to see whether writing slows down as the database grows.
    let tenth = 1;
    let last = 0;
    const onProgress = (p: IngestProgress) => {
      if (p.done < (tenth * count) / 10) return;
      const seconds = p.elapsedMs / 1000;
      log(`  ${engine}: ${p.done} documents in ${seconds.toFixed(0)} s, ${((p.done - ((tenth - 1) * count) / 10) / (seconds - last)).toFixed(1)} docs/s in this tenth`); // prettier-ignore
      last = seconds;
      tenth = Math.floor((p.done * 10) / count) + 1;
    };
    const cpu = process.cpuUsage();
    const report = await ingestPaths(db, [dir], { commitEvery, onProgress });
    // This process's CPU time per document (this thread, the parse threads and an embedded database; not
    // a server's processes): steadier than the rate when other work shares the machine.
    const used = process.cpuUsage(cpu);
    const cpuMsPerDoc = (used.user + used.system) / 1000 / count;
    if (report.failed > 0) log(`  ${report.failed} documents failed: ${report.failures[0]?.reason}`);
    const seconds = report.elapsedMs / 1000;
    const mb = await databaseMb(t, db);
    const folder = mb.folder === null ? '' : `, data folder ${mb.folder.toFixed(0)} MB`;
    log(`ingest ${engine}: ${count} documents in ${seconds.toFixed(1)} s = ${(count / seconds).toFixed(1)} docs/s, ${cpuMsPerDoc.toFixed(1)} ms of CPU per document, database ${mb.database.toFixed(0)} MB${folder}`); // prettier-ignore
    const per10k = (x: number | null) => (x === null ? null : (x / count) * 10_000);
    return { seconds, docsPerS: count / seconds, cpuMsPerDoc, mbPer10k: per10k(mb.database), folderMbPer10k: per10k(mb.folder) }; // prettier-ignore
  } finally {
    await t.drop();
  }
}

/** Parse and analysis on all cores with nothing written: the most the end-to-end rate can reach. */
async function prepareAll(count: number, seed: number) {
  const sources = Array.from({ length: count }, (_, i) => generateDocument(mixSeed(seed + 1, i)));
  const pool = new ParsePool();
  try {
    const start = performance.now();
    const docs = await Promise.all(
      sources.map((d, i) => pool.prepare(Buffer.from(d.text), `/bench/${i}/${d.fileName}`, d.fileName)),
    );
    const docsPerS = count / ((performance.now() - start) / 1000);
    log(`prepare (parse + search analysis, ${pool.size} threads, no writes): ${docsPerS.toFixed(1)} docs/s`);
    return { docs, docsPerS };
  } finally {
    await pool.close();
  }
}

/** Where the write-ahead log is, in bytes: what a write logs is most of what it costs the engine. */
async function walPosition(db: Db): Promise<number> {
  const [row] = await db.query<{ bytes: number }>("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::int8 AS bytes"); // prettier-ignore
  return Number(row?.bytes ?? 0);
}

/** Store-only rate: half the documents one per transaction, the other half `commitEvery` per transaction. */
async function storeRun(engine: Engine, docs: readonly PreparedDocument[], commitEvery: number) {
  const t = await createTestDatabase(engine);
  try {
    const db = await t.open({ bufferMb: bulkLoadBufferMb() });
    const half = Math.floor(docs.length / 2);
    let start = performance.now();
    for (const doc of docs.slice(0, half)) await storeDocuments(db, [doc]);
    const single = half / ((performance.now() - start) / 1000);
    const walBefore = await walPosition(db);
    start = performance.now();
    for (let i = half; i < docs.length; i += commitEvery)
      await storeDocuments(db, docs.slice(i, Math.min(docs.length, i + commitEvery)));
    const batched = (docs.length - half) / ((performance.now() - start) / 1000);
    const walKbPerDoc = ((await walPosition(db)) - walBefore) / 1024 / (docs.length - half);
    log(`store ${engine}: ${single.toFixed(1)} docs/s one per transaction, ${batched.toFixed(1)} docs/s ${commitEvery} per transaction, ${walKbPerDoc.toFixed(0)} KB of write-ahead log per document`); // prettier-ignore
    return { single, batched, walKbPerDoc };
  } finally {
    await t.drop();
  }
}

const options = parseArgs(process.argv.slice(2));
const engines = (await testEngines()).filter((e) => !options.engines || options.engines.includes(e));
const round = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? null : Number(x.toFixed(digits))); // prettier-ignore
const ratio = (x: number | null | undefined, of: number | null | undefined) => (x && of ? round(x / of, 3) : null); // prettier-ignore

const store: Partial<Record<Engine, { single: number; batched: number; walKbPerDoc: number }>> = {};
let prepareRate: number | null = null;
if (options.baselines) {
  log(`preparing ${options.storeDocs} documents for the baselines…`);
  const prepared = await prepareAll(options.storeDocs, options.seed);
  prepareRate = prepared.docsPerS;
  for (const engine of engines) store[engine] = await storeRun(engine, prepared.docs, options.commitEvery);
}

type Run = Awaited<ReturnType<typeof ingestRun>>;
async function ingestAll(count: number): Promise<Partial<Record<Engine, Run>>> {
  log(`writing ${count} documents…`);
  const corpus = await writeCorpus(count, options.seed);
  log(`  ${(corpus.bytes / 1024 / 1024).toFixed(0)} MB of text`);
  const runs: Partial<Record<Engine, Run>> = {};
  try {
    for (const engine of engines)
      runs[engine] = await ingestRun(engine, corpus.dir, count, options.commitEvery);
  } finally {
    await rm(corpus.dir, { recursive: true, force: true });
  }
  return runs;
}

const ingest = await ingestAll(options.docs);
const large = options.large > 0 ? await ingestAll(options.large) : {};
const scaling = (engine: Engine) => {
  const big = large[engine];
  const small = ingest[engine];
  return big && small ? big.seconds / small.seconds : null;
};

const result = {
  docs: options.docs,
  large_docs: options.large || null,
  commit_every: options.commitEvery,
  embedded_buffer_mb: bulkLoadBufferMb(),
  docs_per_s_embedded: round(ingest.pglite?.docsPerS),
  docs_per_s_server: round(ingest.postgres?.docsPerS),
  docs_per_s_embedded_large: round(large.pglite?.docsPerS),
  docs_per_s_server_large: round(large.postgres?.docsPerS),
  cpu_ms_per_doc_embedded: round(ingest.pglite?.cpuMsPerDoc, 2),
  cpu_ms_per_doc_server: round(ingest.postgres?.cpuMsPerDoc, 2),
  db_mb_per_10k_docs: round(ingest.pglite?.mbPer10k, 0),
  db_mb_per_10k_docs_server: round(ingest.postgres?.mbPer10k, 0),
  data_folder_mb_per_10k_docs: round(ingest.pglite?.folderMbPer10k, 0),
  db_mb_per_10k_docs_large: round(large.pglite?.mbPer10k, 0),
  db_mb_per_10k_docs_server_large: round(large.postgres?.mbPer10k, 0),
  peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  // Time ratio; linear growth is large_docs / docs (10 for 100k over 10k).
  scaling_100k_over_10k: round(scaling('pglite'), 2),
  scaling_100k_over_10k_server: round(scaling('postgres'), 2),
  prepare_docs_per_s: round(prepareRate),
  store_docs_per_s_embedded_1_per_tx: round(store.pglite?.single),
  store_docs_per_s_embedded: round(store.pglite?.batched),
  store_docs_per_s_server_1_per_tx: round(store.postgres?.single),
  store_docs_per_s_server: round(store.postgres?.batched),
  store_wal_kb_per_doc_embedded: round(store.pglite?.walKbPerDoc),
  store_wal_kb_per_doc_server: round(store.postgres?.walKbPerDoc),
  // The end-to-end rates as shares of this run's own baselines: steadier than the rates across the
  // machine's fast and slow hours.
  embedded_over_prepare: ratio(ingest.pglite?.docsPerS, prepareRate),
  embedded_over_store: ratio(ingest.pglite?.docsPerS, store.pglite?.batched),
  server_over_prepare: ratio(ingest.postgres?.docsPerS, prepareRate),
};
if (result.embedded_over_prepare !== null)
  log(`embedded ingest: ${result.embedded_over_prepare} of the preparation-alone rate, ${result.embedded_over_store} of the store-alone rate`); // prettier-ignore
process.stdout.write(`${JSON.stringify(result)}\n`);
