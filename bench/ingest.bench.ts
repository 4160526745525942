/**
 * Ingest throughput, embedded (PGlite) and on the PostgreSQL server.
 *
 *   node --import tsx bench/ingest.bench.ts [--docs N] [--full] [--store-docs N] [--seed N] [--no-server]
 *
 * Writes a deterministic synthetic corpus (bench/synthetic-corpus.ts) of `--docs` (10,000) files and
 * ingests it end to end (walk, hash, parse on all cores, store one transaction per document) into a fresh
 * PGlite data dir and a fresh server database. Since parsing bounds the end-to-end rate, the store alone
 * is measured too, on `--store-docs` (2,000) documents parsed beforehand: one transaction per document,
 * and 100 per transaction. `--full` also ingests 100,000 documents embedded, for the scaling ratio.
 * Human-readable lines first; the last line is one JSON object.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths } from '../src/ingest/ingest.js';
import { ParsePool } from '../src/ingest/parse-pool.js';
import type { PreparedDocument } from '../src/ingest/prepare-document.js';
import { storeDocuments } from '../src/ingest/store-document.js';
import type { Db, Engine } from '../src/store/db.js';
import type { TestDatabase } from '../src/store/test-databases.js';
import { createTestDatabase, testEngines } from '../src/store/test-databases.js';
import { generateDocument, mixSeed } from './synthetic-corpus.js';

interface Options {
  docs: number;
  storeDocs: number;
  seed: number;
  full: boolean;
  server: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { docs: 10_000, storeDocs: 2_000, seed: 20_180_315, full: false, server: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--full') options.full = true;
    else if (arg === '--no-server') options.server = false;
    else if (arg === '--docs') options.docs = Number(argv[++i]);
    else if (arg === '--store-docs') options.storeDocs = Number(argv[++i]);
    else if (arg === '--seed') options.seed = Number(argv[++i]);
    else throw new Error(`unknown argument: ${arg}`);
  }
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

async function databaseMb(t: TestDatabase, db: Db): Promise<number> {
  if (t.engine === 'pglite') {
    const kb = Number(execFileSync('du', ['-sk', t.config.dataDir]).toString().split('\t')[0]);
    return kb / 1024;
  }
  const rows = await db.query<{ n: number }>('SELECT pg_database_size(current_database())::int8 AS n');
  return (rows[0]?.n ?? 0) / 1024 / 1024;
}

async function ingestRun(engine: Engine, dir: string, count: number) {
  const t = await createTestDatabase(engine);
  try {
    const db = await t.open();
    const report = await ingestPaths(db, [dir]);
    if (report.failed > 0) log(`  ${report.failed} documents failed: ${report.failures[0]?.reason}`);
    const seconds = report.elapsedMs / 1000;
    const mb = await databaseMb(t, db);
    log(`ingest ${engine}: ${count} documents in ${seconds.toFixed(1)} s = ${(count / seconds).toFixed(1)} docs/s, ${mb.toFixed(0)} MB`); // prettier-ignore
    return { seconds, docsPerS: count / seconds, mbPer10k: (mb / count) * 10_000 };
  } finally {
    await t.drop();
  }
}

async function prepareAll(count: number, seed: number): Promise<PreparedDocument[]> {
  const pool = new ParsePool();
  try {
    return await Promise.all(
      Array.from({ length: count }, (_, i) => {
        const d = generateDocument(mixSeed(seed + 1, i));
        return pool.prepare(Buffer.from(d.text), `/bench/${i}/${d.fileName}`, d.fileName);
      }),
    );
  } finally {
    await pool.close();
  }
}

/** Store-only rate: half the documents one per transaction, the other half 100 per transaction. */
async function storeRun(engine: Engine, docs: readonly PreparedDocument[]) {
  const t = await createTestDatabase(engine);
  try {
    const db = await t.open();
    const half = Math.floor(docs.length / 2);
    let start = performance.now();
    for (const doc of docs.slice(0, half)) await storeDocuments(db, [doc]);
    const single = half / ((performance.now() - start) / 1000);
    start = performance.now();
    for (let i = half; i < docs.length; i += 100)
      await storeDocuments(db, docs.slice(i, Math.min(docs.length, i + 100)));
    const batched = (docs.length - half) / ((performance.now() - start) / 1000);
    log(`store ${engine}: ${single.toFixed(1)} docs/s one per transaction, ${batched.toFixed(1)} docs/s 100 per transaction`); // prettier-ignore
    return { single, batched };
  } finally {
    await t.drop();
  }
}

const options = parseArgs(process.argv.slice(2));
const engines = (await testEngines()).filter((e) => options.server || e === 'pglite');
const round = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? null : Number(x.toFixed(digits))); // prettier-ignore

log(`preparing ${options.storeDocs} documents for the store-only runs…`);
const prepared = await prepareAll(options.storeDocs, options.seed);
const store: Partial<Record<Engine, { single: number; batched: number }>> = {};
for (const engine of engines) store[engine] = await storeRun(engine, prepared);

log(`writing ${options.docs} documents…`);
const corpus = await writeCorpus(options.docs, options.seed);
log(`  ${(corpus.bytes / 1024 / 1024).toFixed(0)} MB of text`);
const ingest: Partial<Record<Engine, Awaited<ReturnType<typeof ingestRun>>>> = {};
try {
  for (const engine of engines) ingest[engine] = await ingestRun(engine, corpus.dir, options.docs);
} finally {
  await rm(corpus.dir, { recursive: true, force: true });
}

let scaling: number | null = null;
if (options.full) {
  const big = 10 * options.docs;
  log(`writing ${big} documents…`);
  const large = await writeCorpus(big, options.seed);
  try {
    const run = await ingestRun('pglite', large.dir, big);
    scaling = run.seconds / (ingest.pglite?.seconds ?? NaN);
  } finally {
    await rm(large.dir, { recursive: true, force: true });
  }
}

const result = {
  docs: options.docs,
  docs_per_s_embedded: round(ingest.pglite?.docsPerS),
  docs_per_s_server: round(ingest.postgres?.docsPerS),
  db_mb_per_10k_docs: round(ingest.pglite?.mbPer10k, 0),
  db_mb_per_10k_docs_server: round(ingest.postgres?.mbPer10k, 0),
  peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  scaling_100k_over_10k: round(scaling, 2),
  store_docs_per_s_embedded: round(store.pglite?.single),
  store_docs_per_s_embedded_100_per_tx: round(store.pglite?.batched),
  store_docs_per_s_server: round(store.postgres?.single),
  store_docs_per_s_server_100_per_tx: round(store.postgres?.batched),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
