/**
 * The search benchmark's corpus: synthetic documents analysed by the real analyzer into the real search
 * rows (vectors, name vectors, top terms, postings and bounds, document frequencies), in worker threads,
 * bulk-loaded without parsing. The built database is kept under bench/.cache, so later runs open it.
 */
import { encodeArray } from '../src/store/binary-array.js';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Analyzer } from '../src/search/analysis/analyzer.js';
import type { PostingRows } from '../src/search/index/postings.js';
import { preparePostings, writePostings } from '../src/search/index/postings.js';
import { buildDocumentVectors, buildNameVector } from '../src/search/index/term-vector.js';
import type { Db } from '../src/store/db.js';
import { openDb } from '../src/store/db.js';
import { MIGRATIONS, migrate } from '../src/store/migrations.js';
import type { SyntheticDocument } from './synthetic-corpus.js';
import { generateDocument, mixSeed } from './synthetic-corpus.js';

const CHUNK = 250;
const WORKERS = 2;

export interface BenchCorpus {
  db: Db;
  /** Its data dir. */
  dir: string;
  /** Seconds spent building it; null when it came from the cache. */
  buildSeconds: number | null;
}

/** The i-th document of the corpus; the same for any corpus size. */
export function corpusDocument(seed: number, i: number): SyntheticDocument & { id: string } {
  const doc = generateDocument(mixSeed(seed, i));
  return { ...doc, id: createHash('sha256').update(doc.text).digest('hex') };
}

interface AnalysedChunk {
  /** Column-wise: id, file name, kind, language, body, title, date, text, people, organisations, vector, top terms, top counts, rest. */
  columns: unknown[][];
  postings: PostingRows[];
  terms: string[];
}

/** Documents from..to analysed into search rows: pure, so worker threads can do it. */
export function analyseChunk(seed: number, from: number, to: number, analyzer: Analyzer): AnalysedChunk {
  const columns: unknown[][] = Array.from({ length: 14 }, () => []);
  const postings: PostingRows[] = [];
  const terms: string[] = [];
  for (let i = from; i < to; i++) {
    const doc = corpusDocument(seed, i);
    const { meta } = doc;
    const source = { text: doc.text, language: meta.language, title: meta.title, bodyName: meta.body, spans: [], hiddenItems: new Set<number>(), hiddenAttachments: new Set<string>() }; // prettier-ignore
    const v = buildDocumentVectors(source, analyzer).publicVector;
    terms.push(...v.terms);
    const top = v.terms.map((t, j) => [t, v.counts[j] ?? 0] as const).filter(([t]) => t.length >= 3 && !/^\d+$/.test(t)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 40); // prettier-ignore
    const p = preparePostings(v);
    postings.push({ documentId: doc.id, audience: 'public', ...p });
    const row = [doc.id, doc.fileName, meta.kind, meta.language, meta.body, meta.title, meta.date, doc.text,
      buildNameVector(meta.participants, analyzer), buildNameVector([meta.organisation], analyzer), v.binary,
      top.map((t) => t[0]).join(' '), top.map((t) => t[1]).join(' '), p.rest]; // prettier-ignore
    row.forEach((value, c) => columns[c]?.push(value));
  }
  return { columns, postings, terms };
}

/** Opens the cached corpus of `count` documents, building it first when it is not there. */
export async function openBenchCorpus(count: number, seed: number, analyzer: Analyzer): Promise<BenchCorpus> {
  // The schema is part of the name: a changed or new migration builds a new corpus.
  const schema = createHash('sha256')
    .update(MIGRATIONS.map((m) => m.sql).join('\n'))
    .digest('hex')
    .slice(0, 8);
  const dir = join('bench', '.cache', `search-${count}-${seed}-${schema}-${analyzer.engine}`);
  if (existsSync(join(dir, 'complete'))) return { db: await openDb({ dataDir: dir }), dir, buildSeconds: null }; // prettier-ignore
  const building = `${dir}.building`;
  await rm(building, { recursive: true, force: true });
  await mkdir(building, { recursive: true });
  const started = Date.now();
  const db = await openDb({ dataDir: building });
  await migrate(db);
  await load(db, count, seed);
  await db.close();
  await rm(dir, { recursive: true, force: true });
  await rename(building, dir);
  await writeFile(join(dir, 'complete'), new Date().toISOString());
  return { db: await openDb({ dataDir: dir }), dir, buildSeconds: (Date.now() - started) / 1000 };
}

function startWorker(): Worker {
  const url = new URL(import.meta.url.endsWith('.ts') ? './search-corpus-worker.ts' : './search-corpus-worker.js', import.meta.url); // prettier-ignore
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, { eval: true });
}

async function load(db: Db, count: number, seed: number): Promise<void> {
  const df = new Map<string, number>();
  const workers = Array.from({ length: WORKERS }, startWorker);
  const analyse = (worker: Worker, from: number) =>
    new Promise<AnalysedChunk>((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      worker.once('error', fail);
      worker.once('message', (chunk: AnalysedChunk) => {
        worker.off('error', fail);
        resolve(chunk);
      });
      worker.postMessage({ seed, from, to: Math.min(count, from + CHUNK) });
    });
  try {
    const chunks: number[] = [];
    for (let from = 0; from < count; from += CHUNK) chunks.push(from);
    // Each worker analyses every WORKERS-th chunk; the main thread writes them in order as they come.
    const pending = new Map<number, Promise<AnalysedChunk>>();
    const next = (k: number) => {
      const from = chunks[k];
      const worker = workers[k % WORKERS];
      if (from !== undefined && worker) pending.set(k, analyse(worker, from));
    };
    for (let k = 0; k < WORKERS; k++) next(k);
    for (let k = 0; k < chunks.length; k++) {
      const chunk = await (pending.get(k) as Promise<AnalysedChunk>);
      pending.delete(k);
      next(k + WORKERS);
      for (const term of chunk.terms) df.set(term, (df.get(term) ?? 0) + 1);
      await write(db, chunk);
      if (k % 40 === 0) process.stderr.write(`indexed ${Math.min(count, (k + 1) * CHUNK)}/${count}\n`);
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  df.set('', count);
  const terms = [...df];
  for (let i = 0; i < terms.length; i += 20_000) {
    const part = terms.slice(i, i + 20_000);
    await db.query('INSERT INTO search_terms (term, df) SELECT * FROM unnest($1::text[], $2::int4[])', [part.map((t) => t[0]), part.map((t) => t[1])]); // prettier-ignore
  }
  for (const table of ['search_documents', 'search_postings', 'search_terms'])
    await db.exec(`VACUUM ANALYZE ${table}`);
}

const VECTOR_COLUMN = 10;

async function write(db: Db, chunk: AnalysedChunk): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `WITH d AS (INSERT INTO documents (id, source_path, file_name, byte_size, kind, language, reader, body_name, title, date, text, item_count, participant_count)
         SELECT id, file_name, file_name, length(text), kind, language, 'text', body, title, date, text, 0, 0
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[])
           AS t(id, file_name, kind, language, body, title, date, text) RETURNING id)
       INSERT INTO search_documents (document_id, audience, complete, body_name, kind, language, date, title, file_name, people, organisations, vector, top_terms, top_counts, rest_impact)
       SELECT id, 'public', true, body, kind, language, date, title, file_name, people::tsvector, orgs::tsvector, vector, string_to_array(top_terms, ' '), string_to_array(top_counts, ' ')::int4[], rest
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $9::text[], $10::text[], $11::tsvector[], $12::text[], $13::text[], $14::float4[])
         AS t(id, file_name, kind, language, body, title, date, people, orgs, vector, top_terms, top_counts, rest)`,
      // The vectors go in binary form, as ingest sends them.
      chunk.columns.map((column, c) => (c === VECTOR_COLUMN ? encodeArray('tsvector', column) : column)),
    );
    await writePostings(tx, chunk.postings);
  });
}
